package dk.youthhub.hub.deadletter;

import dk.youthhub.connector.ErrorCode;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.stage.InboundRecord;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    public DeadLetters(Topics topics) {
        this.topics = topics;
    }

    public ProducerRecord<byte[], byte[]> of(InboundRecord in, ErrorCode code, String safeMessage) {
        LOG.warn("Dead-lettering {}: {} {}", in.position(), code, safeMessage);
        RecordHeaders headers =
                new RecordHeaders(in.headers() == null ? null : in.headers().toArray());
        headers.add(ERROR_CODE, utf8(code.name()));
        headers.add(ERROR_MESSAGE, utf8(safeMessage));
        headers.add(SOURCE_TOPIC, utf8(in.topic()));
        headers.add(SOURCE_PARTITION, utf8(String.valueOf(in.partition())));
        headers.add(SOURCE_OFFSET, utf8(String.valueOf(in.offset())));
        return new ProducerRecord<>(
                topics.deadLetter(), null, in.timestamp(), in.key(), in.value(), headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
