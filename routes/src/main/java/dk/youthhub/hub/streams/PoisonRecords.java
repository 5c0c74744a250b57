package dk.youthhub.hub.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Input positions whose outputs Kafka refused to write (too large, invalid): the error handlers
 * note them, the thread is replaced, and when the record comes again the processor dead-letters it
 * instead of doing the same work a second time. Entries go once the record is dead-lettered.
 */
public final class PoisonRecords {
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    private static String position(String topic, int partition, long offset) {
        return topic + "/" + partition + "@" + offset;
    }

    /** Notes one more failure of the input at this position. */
    public void failed(String topic, int partition, long offset) {
        if (topic != null && offset >= 0) {
            failures.merge(position(topic, partition, offset), 1, Integer::sum);
        }
    }

    /** How often the input at this position has failed, 0 if never. */
    public int failures(String topic, int partition, long offset) {
        return failures.getOrDefault(position(topic, partition, offset), 0);
    }

    public void clear(String topic, int partition, long offset) {
        failures.remove(position(topic, partition, offset));
    }

    public int size() {
        return failures.size();
    }
}
