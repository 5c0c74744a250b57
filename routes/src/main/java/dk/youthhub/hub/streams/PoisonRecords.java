package dk.youthhub.hub.streams;

import dk.youthhub.connector.ErrorCode;
import java.util.Map;
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

    /** The code of the latest failure at this position. */
    public ErrorCode code(String topic, int partition, long offset) {
        return codes.getOrDefault(position(topic, partition, offset), ErrorCode.PROCESSING_FAILED);
    }

    /** How often the input at this position has failed, 0 if never. */
    public int failures(String topic, int partition, long offset) {
        return failures.getOrDefault(position(topic, partition, offset), 0);
    }

    public void clear(String topic, int partition, long offset) {
        failures.remove(position(topic, partition, offset));
        codes.remove(position(topic, partition, offset));
    }

    public int size() {
        return failures.size();
    }
}
