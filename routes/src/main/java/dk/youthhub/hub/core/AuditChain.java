package dk.youthhub.hub.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.connector.CanonicalJson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One young person's audit trail as a hash chain: each record carries the hash of the one before
 * it, so a removed, reordered or altered record shows. Records name the pseudonym, never a CPR
 * number, name or content.
 */
public final class AuditChain {
    /** The previous hash of a young person's first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public enum Action {
        RECEIVED,
        DELIVERED,
        HELD,
        RELEASED,
        EXPIRED,
        REJECTED,
        DEAD_LETTERED
    }

    /**
     * @param target the recipient system, null for actions without one
     * @param reason e.g. {@code STALE_VERSION}, {@code OUT_OF_SCOPE}, {@code NO_CONSENT}
     */
    public record Record(
            Instant time,
            Action action,
            String documentId,
            String documentType,
            String pseudonym,
            String source,
            String target,
            List<String> consentIds,
            String reason,
            String previousHash,
            String hash) {

        Record withHash(String newHash) {
            return new Record(
                    time,
                    action,
                    documentId,
                    documentType,
                    pseudonym,
                    source,
                    target,
                    consentIds,
                    reason,
                    previousHash,
                    newHash);
        }
    }

    /** The next record of a chain whose last hash is {@code previousHash}. */
    public static Record next(
            String previousHash,
            Instant time,
            Action action,
            String documentId,
            String documentType,
            String pseudonym,
            String source,
            String target,
            List<String> consentIds,
            String reason) {
        Record unsigned =
                new Record(
                        time,
                        action,
                        documentId,
                        documentType,
                        pseudonym,
                        source,
                        target,
                        List.copyOf(consentIds),
                        reason,
                        previousHash,
                        null);
        return unsigned.withHash(hash(unsigned));
    }

    /**
     * Checks one young person's records in order.
     *
     * @return the index of the first record that does not follow from the one before, if any
     */
    public static Optional<Integer> firstBreak(List<Record> records) {
        String previous = GENESIS;
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            Record unsigned = r.withHash(null);
            if (!r.previousHash().equals(previous) || !hash(unsigned).equals(r.hash())) {
                return Optional.of(i);
            }
            previous = r.hash();
        }
        return Optional.empty();
    }

    private static String hash(Record unsigned) {
        ObjectNode json = CanonicalJson.mapper().valueToTree(unsigned);
        json.remove("hash");
        return Hashes.sha256(json);
    }
}
