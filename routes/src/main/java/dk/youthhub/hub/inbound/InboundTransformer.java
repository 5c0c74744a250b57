package dk.youthhub.hub.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.InboundMapper;
import dk.youthhub.connector.MappingException;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.stage.InboundRecord;
import dk.youthhub.hub.stage.RecordTransformer;
import dk.youthhub.schemas.CanonicalSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native event to canonical record: size limit, the connector's pure mapper, the canonical schema,
 * the pseudonym key and the CloudEvents headers. Anything it cannot accept becomes a dead letter
 * with the contract's code; nothing of the input's headers is copied onto the output.
 */
public final class InboundTransformer implements RecordTransformer {
    private static final Logger LOG = LoggerFactory.getLogger(InboundTransformer.class);

    private final InboundMapper mapper;
    private final Topics topics;
    private final Pseudonymizer pseudonymizer;
    private final DeadLetters deadLetters;
    private final int maxPayloadBytes;

    public InboundTransformer(
            InboundMapper mapper,
            Topics topics,
            Pseudonymizer pseudonymizer,
            DeadLetters deadLetters,
            int maxPayloadBytes) {
        this.mapper = mapper;
        this.topics = topics;
        this.pseudonymizer = pseudonymizer;
        this.deadLetters = deadLetters;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> transform(InboundRecord in) {
        try {
            return List.of(canonical(in));
        } catch (MappingException e) {
            return deadLetters.of(in, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            // A defect, not bad input: keep the input for replay, name only the exception type.
            LOG.error("Unexpected {} on {}", e.getClass().getName(), in.position());
            return deadLetters.of(
                    in,
                    ErrorCode.PROCESSING_FAILED,
                    "unexpected " + e.getClass().getSimpleName() + " in the hub");
        }
    }

    private ProducerRecord<byte[], byte[]> canonical(InboundRecord in) throws MappingException {
        if (in.value() == null || in.value().length == 0) {
            throw new MappingException(ErrorCode.MALFORMED, "empty record");
        }
        if (in.value().length > maxPayloadBytes) {
            throw new MappingException(
                    ErrorCode.TOO_LARGE,
                    in.value().length + " bytes is over the limit of " + maxPayloadBytes);
        }
        CanonicalDocument doc =
                mapper.toCanonical(in.value(), Instant.ofEpochMilli(in.timestamp()));
        JsonNode json = CanonicalJson.mapper().valueToTree(doc);
        List<String> violations = CanonicalSchemas.validate(doc.documentType().id(), 1, json);
        if (!violations.isEmpty()) {
            throw new MappingException(
                    ErrorCode.SCHEMA_VIOLATION,
                    "the canonical document breaks its schema: " + String.join("; ", violations));
        }
        String pseudonym = pseudonymizer.pseudonym(doc.youngPerson().cpr());
        return new ProducerRecord<>(
                topics.canonical(doc.documentType()),
                null,
                pseudonym.getBytes(StandardCharsets.UTF_8),
                bytes(json),
                CloudEvents.headers(doc, pseudonym, in, 0));
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
