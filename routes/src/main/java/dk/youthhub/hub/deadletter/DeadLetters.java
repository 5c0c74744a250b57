package dk.youthhub.hub.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.stage.InboundRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Dead letters: the input's key, value, timestamp and headers unchanged, plus {@code
 * hub_error_code}, {@code hub_error_message} (names fields, never content), {@code
 * hub_source_topic}, {@code hub_source_partition} and {@code hub_source_offset}.
 */
@Component
public class DeadLetters {
    public static final String ERROR_CODE = "hub_error_code";
    public static final String ERROR_MESSAGE = "hub_error_message";
    public static final String SOURCE_TOPIC = "hub_source_topic";
    public static final String SOURCE_PARTITION = "hub_source_partition";
    public static final String SOURCE_OFFSET = "hub_source_offset";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final Topics topics;
    private final Clock clock;

    public DeadLetters(Topics topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    /**
     * The dead letter, and its {@code DEAD_LETTERED} audit record. A dead-lettered input may have
     * no readable CPR number, so that record belongs to no young person's chain: it is unkeyed,
     * names the input by position ({@code documentId} {@code <topic>/<partition>@<offset>}) and
     * carries the code as its reason.
     */
    public List<ProducerRecord<byte[], byte[]>> of(
            InboundRecord in, ErrorCode code, String safeMessage) {
        return List.of(deadLetter(in, code, safeMessage), auditRecord(in, code));
    }

    private ProducerRecord<byte[], byte[]> auditRecord(InboundRecord in, ErrorCode code) {
        AuditChain.Record r =
                new AuditChain.Record(
                        clock.instant(),
                        AuditChain.Action.DEAD_LETTERED,
                        in.position(),
                        null,
                        null,
                        in.topic(),
                        null,
                        List.of(),
                        code.name(),
                        null,
                        null);
        try {
            return new ProducerRecord<>(
                    topics.audit(), null, CanonicalJson.mapper().writeValueAsBytes(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record could not be written", e);
        }
    }

    private ProducerRecord<byte[], byte[]> deadLetter(
            InboundRecord in, ErrorCode code, String safeMessage) {
        LOG.warn("Dead-lettering {}: {} {}", in.position(), code, safeMessage);
        return new ProducerRecord<>(
                topics.deadLetter(),
                null,
                in.timestamp(),
                in.key(),
                in.value(),
                headers(
                        in.headers(),
                        code.name(),
                        safeMessage,
                        in.topic(),
                        in.partition(),
                        in.offset()));
    }

    /** An input's headers unchanged, plus the reason and where the input was. */
    public static RecordHeaders headers(
            Headers original,
            String code,
            String safeMessage,
            String topic,
            int partition,
            long offset) {
        RecordHeaders headers = new RecordHeaders(original == null ? null : original.toArray());
        headers.add(ERROR_CODE, utf8(code));
        headers.add(ERROR_MESSAGE, utf8(safeMessage));
        headers.add(SOURCE_TOPIC, utf8(topic));
        headers.add(SOURCE_PARTITION, utf8(String.valueOf(partition)));
        headers.add(SOURCE_OFFSET, utf8(String.valueOf(offset)));
        return headers;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
