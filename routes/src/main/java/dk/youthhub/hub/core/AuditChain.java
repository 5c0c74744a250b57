package dk.youthhub.hub.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.connector.CanonicalJson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One young person's audit trail as a keyed hash chain: each record carries the hash of the one
 * before it and its own HMAC under the audit key ({@link AuditKeys}, {@code keyId}), so a removed,
 * reordered, altered or forged record shows, and a chain cannot be rewritten without the key.
 * Records name the pseudonym, never a CPR number, name or content.
 */
public final class AuditChain {
    /** The previous hash of a young person's first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public enum Action {
        RECEIVED,
        DISPATCHED,
        DELIVERED,
        DELIVERY_FAILED,
        UNACKNOWLEDGED,
        HELD,
        RELEASED,
        EXPIRED,
        REJECTED,
        DEAD_LETTERED,
        DISCLOSED,
        ERASED,
        REKEYED
    }

    /**
     * The contract's audit record.
     *
     * @param documentVersion the document's version, null for actions without a document
     * @param target the recipient system (for {@code DISCLOSED} the role), null for actions without
     *     one
     * @param reason e.g. {@code STALE_VERSION}, {@code OUT_OF_SCOPE}, {@code NO_CONSENT}
     * @param credential for {@code DISCLOSED}: the role, system or coordinator that asked
     * @param keyId the audit key that made {@code hash}; null on records written before keys
     * @param pseudonymKeyId the pseudonym key that made {@code pseudonym}
     */
    public record Record(
            Instant time,
            Action action,
            String documentId,
            String documentType,
            Long documentVersion,
            String pseudonym,
            String source,
            String target,
            List<String> consentIds,
            String reason,
            String credential,
            String keyId,
            String pseudonymKeyId,
            String previousHash,
            String hash) {

        Record withHash(String newHash) {
            return new Record(
                    time,
                    action,
                    documentId,
                    documentType,
                    documentVersion,
                    pseudonym,
                    source,
                    target,
                    consentIds,
                    reason,
                    credential,
                    keyId,
                    pseudonymKeyId,
                    previousHash,
                    newHash);
        }
    }

    /** What a record says, before it is chained and signed. */
    public record Entry(
            Instant time,
            Action action,
            String documentId,
            String documentType,
            Long documentVersion,
            String pseudonym,
            String source,
            String target,
            List<String> consentIds,
            String reason,
            String credential,
            String pseudonymKeyId) {}

    /** The next record of a chain whose last hash is {@code previousHash}, signed. */
    public static Record next(String previousHash, Entry e, AuditKeys keys) {
        Record unsigned =
                new Record(
                        e.time(),
                        e.action(),
                        e.documentId(),
                        e.documentType(),
                        e.documentVersion(),
                        e.pseudonym(),
                        e.source(),
                        e.target(),
                        List.copyOf(e.consentIds()),
                        e.reason(),
                        e.credential(),
                        keys.currentId(),
                        e.pseudonymKeyId(),
                        previousHash,
                        null);
        return unsigned.withHash(keys.sign(canonical(unsigned)));
    }

    /**
     * Checks one young person's records in order.
     *
     * @return the index of the first record that does not follow from the one before or whose hash
     *     is not its own, if any
     */
    public static Optional<Integer> firstBreak(List<Record> records, AuditKeys keys) {
        String previous = GENESIS;
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            if (!r.previousHash().equals(previous) || !signed(r, keys)) {
                return Optional.of(i);
            }
            previous = r.hash();
        }
        return Optional.empty();
    }

    private static boolean signed(Record r, AuditKeys keys) {
        byte[] form = canonical(r.withHash(null));
        if (r.keyId() == null) {
            // written before the chain was keyed: a plain SHA-256 chain
            return Hashes.sha256Hex(form).equals(r.hash());
        }
        return keys.sign(r.keyId(), form).map(h -> h.equals(r.hash())).orElse(false);
    }

    /** The record as signed: its JSON without {@code hash}, absent fields left out. */
    private static byte[] canonical(Record unsigned) {
        ObjectNode json = CanonicalJson.mapper().valueToTree(unsigned);
        json.remove("hash");
        try {
            return CanonicalJson.mapper().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record could not be written", e);
        }
    }
}
