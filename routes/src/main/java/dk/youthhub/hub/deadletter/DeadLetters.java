package dk.youthhub.hub.deadletter;

import dk.youthhub.connector.ErrorCode;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.core.Hashes;
import dk.youthhub.hub.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Dead letters as the contract defines them: keyed by the young person's pseudonym, or {@code
 * unidentified}; the input's value unchanged (or, when it cannot be stored whole, its digest and
 * size); the source's key only as a digest and none of its headers; plus {@code hub_error_code},
 * {@code hub_error_message} (names fields, never content), the source position and, for a failure
 * that concerns one recipient, {@code hub_target}.
 */
@Component
public class DeadLetters {
    public static final String UNIDENTIFIED = "unidentified";
    public static final String ERROR_CODE = "hub_error_code";
    public static final String ERROR_MESSAGE = "hub_error_message";
    public static final String SOURCE_TOPIC = "hub_source_topic";
    public static final String SOURCE_PARTITION = "hub_source_partition";
    public static final String SOURCE_OFFSET = "hub_source_offset";
    public static final String SOURCE_KEY_SHA256 = "hub_source_key_sha256";
    public static final String TARGET = "hub_target";

    /** The drop file and physical line a row came from (file-drop inputs, written by the hub). */
    public static final String SOURCE_FILE = "hub_source_file";

    public static final String SOURCE_LINE = "hub_source_line";

    /**
     * On a row the file-drop reader could not split into columns: why. The ingest stage
     * dead-letters such a row {@code MALFORMED} with this message.
     */
    public static final String SOURCE_ERROR = "hub_source_error";

    /** Headers of a hub-written input that its dead letter keeps. */
    public static final java.util.List<String> KEPT_SOURCE_HEADERS =
            java.util.List.of(SOURCE_FILE, SOURCE_LINE);

    public static final String VALUE_OMITTED = "hub_value_omitted";
    public static final String VALUE_SHA256 = "hub_value_sha256";
    public static final String VALUE_SIZE = "hub_value_size";

    /** On a record written back by a replay: the dead letter's id it replays. */
    public static final String REPLAY_OF = "hub_replay_of";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    /** Room for a record's key and headers within the largest record the hub writes. */
    public static final int ENVELOPE_BYTES = 4096;

    private final Topics topics;
    private final Clock clock;
    private final int maxRecordBytes;

    public DeadLetters(Topics topics, Clock clock, HubProperties props) {
        this.topics = topics;
        this.clock = clock;
        this.maxRecordBytes = props.limits().maxRecordBytes();
    }

    /** Where an input was, and what is known of it. */
    public record Source(String topic, int partition, long offset, byte[] key, byte[] value) {

        /** For logs: topic, partition and offset, never content. */
        public String position() {
            return topic + "/" + partition + "@" + offset;
        }
    }

    /** Why: the contract's code, a message without content, and the one recipient concerned. */
    public record Reason(ErrorCode code, String safeMessage, String target) {

        public static Reason of(ErrorCode code, String safeMessage) {
            return new Reason(code, safeMessage, null);
        }
    }

    /** A dead letter's key, value and headers, for any producer. */
    public record Letter(byte[] key, byte[] value, long timestamp, RecordHeaders headers) {

        public ProducerRecord<byte[], byte[]> toRecord(String topic) {
            return new ProducerRecord<>(topic, null, timestamp, key, value, headers);
        }
    }

    public String topic() {
        return topics.deadLetter();
    }

    /**
     * The dead letter of an input.
     *
     * @param pseudonym the young person's pseudonym, null when the input names nobody readable
     */
    public Letter letter(Source source, String pseudonym, Reason reason) {
        return letter(source, pseudonym, reason, false);
    }

    /**
     * @param omitValue keep only the value's digest and size, e.g. when a dead letter with the
     *     value could not be written before
     */
    public Letter letter(Source source, String pseudonym, Reason reason, boolean omitValue) {
        LOG.warn(
                "Dead-lettering {}: {} {}{}",
                source.position(),
                reason.code(),
                reason.safeMessage(),
                reason.target() == null ? "" : " (for " + reason.target() + ")");
        RecordHeaders h = new RecordHeaders();
        h.add(ERROR_CODE, utf8(reason.code().name()));
        h.add(ERROR_MESSAGE, utf8(reason.safeMessage()));
        h.add(SOURCE_TOPIC, utf8(source.topic()));
        h.add(SOURCE_PARTITION, utf8(String.valueOf(source.partition())));
        h.add(SOURCE_OFFSET, utf8(String.valueOf(source.offset())));
        if (source.key() != null) {
            h.add(SOURCE_KEY_SHA256, utf8(Hashes.sha256Hex(source.key())));
        }
        if (reason.target() != null) {
            h.add(TARGET, utf8(reason.target()));
        }
        byte[] value = source.value();
        if (value == null && omitValue) {
            // the value is on its source topic only; a replay reads it from there
            h.add(VALUE_OMITTED, utf8("true"));
        } else if (value != null && (omitValue || value.length > maxRecordBytes - ENVELOPE_BYTES)) {
            h.add(VALUE_OMITTED, utf8("true"));
            h.add(VALUE_SHA256, utf8(Hashes.sha256Hex(value)));
            h.add(VALUE_SIZE, utf8(String.valueOf(value.length)));
            value = null;
        }
        byte[] key = utf8(pseudonym == null ? UNIDENTIFIED : pseudonym);
        return new Letter(key, value, clock.millis(), h);
    }

    /** The dead letter of an input as a record for {@code hub.deadletter.v1}. */
    public ProducerRecord<byte[], byte[]> record(Source source, String pseudonym, Reason reason) {
        return letter(source, pseudonym, reason).toRecord(topics.deadLetter());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
