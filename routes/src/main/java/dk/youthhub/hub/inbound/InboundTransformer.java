package dk.youthhub.hub.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.InboundMapper;
import dk.youthhub.connector.MappingException;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.schemas.CanonicalSchemas;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native event to canonical record: size limit, the connector's pure mapper, the canonical schema,
 * the pseudonym key and the CloudEvents headers. Anything it cannot accept is rejected with the
 * contract's code; nothing of the input's headers reaches the output.
 */
public final class InboundTransformer {
    private static final Logger LOG = LoggerFactory.getLogger(InboundTransformer.class);

    private final InboundMapper mapper;
    private final Pseudonymizer pseudonymizer;
    private final int maxPayloadBytes;

    public InboundTransformer(
            InboundMapper mapper, Pseudonymizer pseudonymizer, int maxPayloadBytes) {
        this.mapper = mapper;
        this.pseudonymizer = pseudonymizer;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** What became of one input. */
    public sealed interface Outcome permits Canonical, Rejected {}

    /**
     * The canonical record.
     *
     * @param eventKey the source system and event id: the same event has the same key
     */
    public record Canonical(
            DocumentType type,
            String pseudonym,
            byte[] value,
            RecordHeaders headers,
            String eventKey)
            implements Outcome {}

    /** Not accepted, and why. */
    public record Rejected(DeadLetters.Reason reason) implements Outcome {}

    /**
     * @param position where the input is, for {@code ce_id} and logs
     * @param timestamp the input's time, the event time of a document that has none of its own
     */
    public Outcome transform(String position, byte[] value, long timestamp) {
        try {
            return canonical(position, value, timestamp);
        } catch (MappingException e) {
            return new Rejected(DeadLetters.Reason.of(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            // A defect, not bad input: keep the input for replay, name only the exception type.
            LOG.error("Unexpected {} on {}", e.getClass().getName(), position);
            return new Rejected(
                    DeadLetters.Reason.of(
                            ErrorCode.PROCESSING_FAILED,
                            "unexpected " + e.getClass().getSimpleName() + " in the hub"));
        }
    }

    private Canonical canonical(String position, byte[] value, long timestamp)
            throws MappingException {
        if (value == null || value.length == 0) {
            throw new MappingException(ErrorCode.MALFORMED, "empty record");
        }
        if (value.length > maxPayloadBytes) {
            throw new MappingException(
                    ErrorCode.TOO_LARGE,
                    value.length + " bytes is over the limit of " + maxPayloadBytes);
        }
        CanonicalDocument doc = mapper.toCanonical(value, Instant.ofEpochMilli(timestamp));
        JsonNode json = CanonicalJson.mapper().valueToTree(doc);
        List<String> violations = CanonicalSchemas.validate(doc.documentType().id(), 1, json);
        if (!violations.isEmpty()) {
            throw new MappingException(
                    ErrorCode.SCHEMA_VIOLATION,
                    "the canonical document breaks its schema: " + String.join("; ", violations));
        }
        String pseudonym = pseudonymizer.pseudonym(doc.youngPerson().cpr());
        return new Canonical(
                doc.documentType(),
                pseudonym,
                bytes(json),
                CloudEvents.headers(doc, pseudonym, position),
                doc.provenance().sourceSystem().id() + "|" + doc.provenance().sourceEventId());
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
