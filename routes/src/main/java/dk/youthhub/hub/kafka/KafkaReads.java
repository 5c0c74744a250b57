package dk.youthhub.hub.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.utils.Utils;

/**
 * Reading a topic's records as far as they go now, for queries and views outside the stages, and
 * their headers.
 */
public final class KafkaReads {
    private static final Duration POLL = Duration.ofMillis(200);

    private KafkaReads() {}

    /**
     * Hands every record from the consumer's positions up to the partitions' end offsets (as of the
     * call) to {@code each}.
     *
     * @return false when {@code atMost} passed before the end was reached
     */
    public static boolean toEnd(
            KafkaConsumer<byte[], byte[]> consumer,
            Collection<TopicPartition> partitions,
            Duration atMost,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + atMost.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            consumer.poll(POLL).forEach(each);
        }
        return true;
    }

    /**
     * Hands every record of every partition of a topic, from its start to its end as of the call,
     * to {@code each}; nothing for a topic that does not exist.
     *
     * @return false when {@code atMost} passed before the end was reached
     */
    public static boolean wholeTopic(
            KafkaConsumer<byte[], byte[]> consumer,
            String topic,
            Duration atMost,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        var partitions = consumer.partitionsFor(topic);
        if (partitions == null || partitions.isEmpty()) {
            return true;
        }
        return fromStart(
                consumer,
                partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList(),
                atMost,
                each);
    }

    /**
     * Hands every record of these partitions, from their start to their end as of the call, to
     * {@code each}.
     *
     * @return false when {@code atMost} passed before the end was reached
     */
    public static boolean fromStart(
            KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions,
            Duration atMost,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return toEnd(consumer, partitions, atMost, each);
    }

    /**
     * The latest value of each key of a whole topic (a tombstone removes the key), as far as it
     * goes now, in the order the keys were first seen.
     *
     * @throws IllegalStateException when {@code atMost} passed before the end was reached
     */
    public static Map<String, byte[]> latest(
            KafkaConsumer<byte[], byte[]> consumer, String topic, Duration atMost) {
        Map<String, byte[]> live = new java.util.LinkedHashMap<>();
        boolean whole =
                wholeTopic(
                        consumer,
                        topic,
                        atMost,
                        r -> {
                            String key = new String(r.key(), StandardCharsets.UTF_8);
                            if (r.value() == null) {
                                live.remove(key);
                            } else {
                                live.put(key, r.value());
                            }
                        });
        if (!whole) {
            throw new IllegalStateException(topic + " could not be read to its end");
        }
        return live;
    }

    /** The partition the default partitioner gives a key, of a topic with this many. */
    public static TopicPartition partitionOf(String topic, byte[] key, int partitions) {
        return new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % partitions);
    }

    /** A header's last value as UTF-8 text, or null. */
    public static String header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null
                ? null
                : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The last value of each of these headers that {@code from} has, added to {@code into}. */
    public static void carry(Headers from, Headers into, Collection<String> keys) {
        for (String key : keys) {
            Header h = from.lastHeader(key);
            if (h != null) {
                into.add(key, h.value());
            }
        }
    }
}
