package dk.youthhub.hub.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writing and reading raw records in tests, with a fresh consumer group each time. */
public final class Records {

    private Records() {}

    /** Writes one record and says where it landed, {@code <topic>/<partition>@<offset>}. */
    public static String send(
            String servers, String topic, byte[] key, byte[] value, Header... headers)
            throws Exception {
        try (KafkaProducer<byte[], byte[]> p = producer(servers)) {
            RecordMetadata m =
                    p.send(new ProducerRecord<>(topic, null, key, value, List.of(headers))).get();
            return m.topic() + "/" + m.partition() + "@" + m.offset();
        }
    }

    /**
     * Creates the topics and waits until every partition has a leader, so writes go through at
     * once.
     */
    public static void createTopics(String servers, NewTopic... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            admin.createTopics(List.of(topics)).all().get(30, TimeUnit.SECONDS);
            List<String> names = java.util.Arrays.stream(topics).map(NewTopic::name).toList();
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    admin
                                            .describeTopics(names)
                                            .allTopicNames()
                                            .get()
                                            .values()
                                            .stream()
                                            .flatMap(d -> d.partitions().stream())
                                            .allMatch(
                                                    p ->
                                                            p.leader() != null
                                                                    && !p.leader().isEmpty()));
        }
    }

    /**
     * Writes the records in order with one producer; fails if any write fails. Returns where each
     * landed, {@code <topic>/<partition>@<offset>}.
     */
    public static List<String> sendRecords(
            String servers, List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = producer(servers)) {
            List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
            for (ProducerRecord<byte[], byte[]> r : records) {
                sent.add(p.send(r));
            }
            p.flush();
            List<String> positions = new ArrayList<>();
            for (java.util.concurrent.Future<RecordMetadata> f : sent) {
                RecordMetadata m = f.get(30, TimeUnit.SECONDS);
                positions.add(m.topic() + "/" + m.partition() + "@" + m.offset());
            }
            return positions;
        }
    }

    /** Writes one record with a compressing producer; returns where it landed. */
    public static String sendCompressed(String servers, ProducerRecord<byte[], byte[]> record)
            throws Exception {
        Map<String, Object> config = new java.util.HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        try (KafkaProducer<byte[], byte[]> p =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            RecordMetadata m = p.send(record).get(30, TimeUnit.SECONDS);
            return m.topic() + "/" + m.partition() + "@" + m.offset();
        }
    }

    /**
     * A record with the timestamp {@code -1}, as producers without timestamps write it. The Java
     * client refuses to build one, so the field is set after construction.
     */
    public static ProducerRecord<byte[], byte[]> withoutTimestamp(
            String topic, byte[] key, byte[] value) throws ReflectiveOperationException {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, key, value);
        java.lang.reflect.Field timestamp = ProducerRecord.class.getDeclaredField("timestamp");
        timestamp.setAccessible(true);
        timestamp.set(r, -1L);
        return r;
    }

    /** Writes the values in order, unkeyed, with one producer; fails if any write fails. */
    public static void sendAll(String servers, String topic, List<byte[]> values) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = producer(servers)) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (byte[] v : values) {
                sent.add(p.send(new ProducerRecord<>(topic, v)));
            }
            p.flush();
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
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
        return readUntil(servers, topic, isolation, done, Duration.ofSeconds(60));
    }

    /** Reads the topic from the start until {@code done} holds, for at most {@code atMost}. */
    public static List<ConsumerRecord<byte[], byte[]>> readUntil(
            String servers,
            String topic,
            String isolation,
            Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
            Duration atMost) {
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer(servers, isolation)) {
            c.subscribe(List.of(topic));
            await().atMost(atMost)
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
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer(servers, "read_committed")) {
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

    /** Waits for the first committed record on the topic whose value contains the marker. */
    public static ConsumerRecord<byte[], byte[]> awaitContaining(
            String servers, String topic, String marker) {
        return containing(
                        readUntil(
                                servers,
                                topic,
                                "read_committed",
                                rs -> !containing(rs, marker).isEmpty()),
                        marker)
                .get(0);
    }

    /** The records whose value contains the marker. */
    public static List<ConsumerRecord<byte[], byte[]>> containing(
            List<ConsumerRecord<byte[], byte[]>> records, String marker) {
        return records.stream()
                .filter(r -> r.value() != null && text(r.value()).contains(marker))
                .toList();
    }

    /** Where a dead letter's input was, {@code <topic>/<partition>@<offset>}. */
    public static String sourcePosition(ConsumerRecord<?, ?> deadLetter) {
        return header(deadLetter, "hub_source_topic")
                + "/"
                + header(deadLetter, "hub_source_partition")
                + "@"
                + header(deadLetter, "hub_source_offset");
    }

    /** Waits for the dead letters of the inputs at these positions. */
    public static List<ConsumerRecord<byte[], byte[]>> awaitDeadLettersOf(
            String servers, String topic, Collection<String> positions) {
        return of(
                readUntil(
                        servers,
                        topic,
                        "read_committed",
                        rs -> of(rs, positions).size() >= positions.size()),
                positions);
    }

    private static List<ConsumerRecord<byte[], byte[]>> of(
            List<ConsumerRecord<byte[], byte[]>> rs, Collection<String> positions) {
        return rs.stream().filter(r -> positions.contains(sourcePosition(r))).toList();
    }

    private static KafkaProducer<byte[], byte[]> producer(String servers) {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        4 * 1024 * 1024);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String servers, String isolation) {
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
        return new KafkaConsumer<>(
                config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    public static String header(ConsumerRecord<?, ?> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : text(h.value());
    }
}
