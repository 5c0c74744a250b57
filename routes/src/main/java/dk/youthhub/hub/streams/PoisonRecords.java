package dk.youthhub.hub.streams;

import dk.youthhub.connector.ErrorCode;
import dk.youthhub.hub.deadletter.DeadLetters;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Input positions whose outputs Kafka refused to write for a reason of the record itself (too
 * large, an invalid record or timestamp): the error handlers note them, the thread is replaced, and
 * when the record comes again the processor dead-letters it instead of doing the same work a second
 * time. A failure of Kafka itself (an outage, an aborted transaction, a timeout) is no reason to
 * give up a record and is never noted. Entries go once the record is dead-lettered.
 */
public final class PoisonRecords {
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, ErrorCode> codes = new ConcurrentHashMap<>();

    /**
     * The dead-letter code for a send Kafka refused because of the record itself; null when the
     * failure is Kafka's own and the record must be tried again.
     */
    public static ErrorCode recordSpecific(Exception e) {
        if (e instanceof RecordTooLargeException) {
            return ErrorCode.TOO_LARGE;
        }
        if (e instanceof InvalidRecordException
                || e instanceof InvalidTimestampException
                || e instanceof SerializationException) {
            return ErrorCode.PROCESSING_FAILED;
        }
        return null;
    }

    private static String position(String topic, int partition, long offset) {
        return topic + "/" + partition + "@" + offset;
    }

    /** Notes one more failure of the input at this position, and its code. */
    public void failed(String topic, int partition, long offset, ErrorCode code) {
        if (topic != null && offset >= 0) {
            failures.merge(position(topic, partition, offset), 1, Integer::sum);
            codes.put(position(topic, partition, offset), code);
        }
    }

    /** How to dead-letter an input Kafka refused an output of. */
    public record Verdict(DeadLetters.Reason reason, boolean omitValue) {}

    /**
     * Whether Kafka refused an output of the input at this position before; if so, how to
     * dead-letter it instead (the second time without its value, in case the dead letter itself was
     * refused), and the position is forgotten.
     */
    public Optional<Verdict> take(String topic, int partition, long offset) {
        String at = position(topic, partition, offset);
        Integer n = failures.remove(at);
        if (n == null) {
            return Optional.empty();
        }
        ErrorCode code = codes.remove(at);
        return Optional.of(
                new Verdict(
                        new DeadLetters.Reason(
                                code == null ? ErrorCode.PROCESSING_FAILED : code,
                                "Kafka refused an output of this record",
                                null),
                        n > 1));
    }

    public int size() {
        return failures.size();
    }
}
