package dk.youthhub.hub.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.core.AuditChain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What another stage tells the core to put in a young person's audit chain, on the hub's internal
 * notices topic, keyed like the chain (the pseudonym, or {@code unidentified}): the core is the one
 * writer of every chain. A delivery's outcome names its {@code ce_id}, which the core resolves to
 * the document it dispatched.
 *
 * @param ceId the delivery's {@code ce_id}, for {@code DELIVERED} and {@code DELIVERY_FAILED}
 * @param source the originating system, where known
 * @param eventId the source's event id, where known: the sender is told what became of it
 * @param credential for {@code DISCLOSED}: who asked (a role, or a coordinator's id), if not the
 *     role in {@code target}
 */
public record Notice(
        AuditChain.Action action,
        String ceId,
        String documentId,
        String documentType,
        Long documentVersion,
        String source,
        String target,
        String reason,
        String eventId,
        String credential) {

    public Notice(
            AuditChain.Action action,
            String ceId,
            String documentId,
            String documentType,
            Long documentVersion,
            String source,
            String target,
            String reason,
            String eventId) {
        this(
                action,
                ceId,
                documentId,
                documentType,
                documentVersion,
                source,
                target,
                reason,
                eventId,
                null);
    }

    public Notice(
            AuditChain.Action action,
            String ceId,
            String documentId,
            String documentType,
            Long documentVersion,
            String source,
            String target,
            String reason) {
        this(action, ceId, documentId, documentType, documentVersion, source, target, reason, null);
    }

    public byte[] bytes() {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice could not be written", e);
        }
    }

    public ProducerRecord<byte[], byte[]> toRecord(String topic, String chain) {
        return new ProducerRecord<>(topic, chain.getBytes(StandardCharsets.UTF_8), bytes());
    }

    public static Notice read(byte[] json) throws IOException {
        return CanonicalJson.mapper().readValue(json, Notice.class);
    }
}
