package dk.youthhub.hub.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writing and reading raw records in tests, with a fresh consumer group each time. */
public final class Records {

    private Records() {}

    public static void send(
            String servers, String topic, byte[] key, byte[] value, Header... headers)
            throws Exception {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ProducerConfig.ACKS_CONFIG,
                        "all");
        try (KafkaProducer<byte[], byte[]> p =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(topic, null, key, value, List.of(headers))).get();
        }
    }

    /** Writes the values in order, unkeyed, with one producer. */
    public static void sendAll(String servers, String topic, List<byte[]> values) throws Exception {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ProducerConfig.ACKS_CONFIG,
                        "all");
        try (KafkaProducer<byte[], byte[]> p =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] v : values) {
                p.send(new ProducerRecord<>(topic, v));
            }
            p.flush();
        }
    }

    public static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] resource(String path) throws Exception {
        return Files.readAllBytes(Path.of(path));
    }

    /** Reads the topic from the start until {@code done} holds for what was read. */
    public static List<ConsumerRecord<byte[], byte[]>> readUntil(
            String servers,
            String topic,
            String isolation,
            Predicate<List<ConsumerRecord<byte[], byte[]>>> done) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        isolation);
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                c.poll(Duration.ofMillis(200)).forEach(seen::add);
                                return done.test(seen);
                            });
        }
        return seen;
    }

    /** Everything on the topic now, read_committed: read until the end offsets are reached. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String servers, String topic) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed");
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions =
                    c.partitionsFor(topic).stream()
                            .map(
                                    p ->
                                            new org.apache.kafka.common.TopicPartition(
                                                    topic, p.partition()))
                            .toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            var end = c.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                c.poll(Duration.ofMillis(200)).forEach(seen::add);
                                return partitions.stream()
                                        .allMatch(tp -> c.position(tp) >= end.get(tp));
                            });
        }
        return seen;
    }

    public static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    public static String header(ConsumerRecord<?, ?> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : text(h.value());
    }
}
