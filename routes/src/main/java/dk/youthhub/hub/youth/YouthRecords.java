package dk.youthhub.hub.youth;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.core.YouthRecord;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.KafkaReads;
import dk.youthhub.hub.kafka.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * The core's state of the collaboration model as every instance can read it: the changelogs of the
 * young people's records, their latest documents and their consents, read committed to their end. A
 * young person's entries are in the partition of their pseudonym.
 */
@Component
public class YouthRecords {
    private static final Duration READ = Duration.ofSeconds(30);

    private final KafkaClients clients;
    private final Topics topics;

    public YouthRecords(KafkaClients clients, Topics topics) {
        this.clients = clients;
        this.topics = topics;
    }

    /** What the core holds about one young person. */
    public record Youth(
            YouthRecord record, List<CanonicalDocument> latest, List<CanonicalDocument> consents) {}

    /** One young person's record; empty if the hub has none. */
    public Optional<YouthRecord> record(String pseudonym) {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader()) {
            return Optional.ofNullable(
                            read(consumer, topics.youth(), pseudonym, false).get(pseudonym))
                    .map(v -> value(v, YouthRecord.class));
        }
    }

    /** A young person's record with their latest documents and consents, read after it. */
    public Youth withDocuments(String pseudonym, YouthRecord record) {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader()) {
            List<CanonicalDocument> latest = new ArrayList<>();
            read(consumer, topics.latest(), pseudonym, true)
                    .values()
                    .forEach(
                            v ->
                                    latest.add(
                                            CanonicalJson.mapper()
                                                    .convertValue(
                                                            tree(v).get("document"),
                                                            CanonicalDocument.class)));
            List<CanonicalDocument> consents = new ArrayList<>();
            read(consumer, topics.consents(), pseudonym, true)
                    .values()
                    .forEach(v -> consents.add(value(v, CanonicalDocument.class)));
            return new Youth(record, latest, consents);
        }
    }

    /**
     * A meeting's registration ({@code hub.meetings.v1}), read to the end: what was acknowledged
     * before is seen, on any instance.
     */
    public Optional<byte[]> meeting(String meetingId) {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader()) {
            return Optional.ofNullable(
                    read(consumer, topics.meetings(), meetingId, false).get(meetingId));
        }
    }

    /** Every young person's record, for the documentation model. */
    public List<YouthRecord> all() {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader()) {
            return KafkaReads.latest(consumer, topics.youth(), READ).values().stream()
                    .map(v -> value(v, YouthRecord.class))
                    .toList();
        }
    }

    /**
     * The latest value of each key in the partition of {@code pseudonym} (a key): that key itself,
     * or with {@code prefixed} every key {@code <pseudonym>|...}.
     */
    private static Map<String, byte[]> read(
            KafkaConsumer<byte[], byte[]> consumer,
            String topic,
            String pseudonym,
            boolean prefixed) {
        var partitions = consumer.partitionsFor(topic);
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (partitions == null || partitions.isEmpty()) {
            return out;
        }
        TopicPartition tp =
                KafkaReads.partitionOf(
                        topic, pseudonym.getBytes(StandardCharsets.UTF_8), partitions.size());
        String prefix = pseudonym + "|";
        boolean whole =
                KafkaReads.fromStart(
                        consumer,
                        List.of(tp),
                        READ,
                        r -> {
                            String key = new String(r.key(), StandardCharsets.UTF_8);
                            if (prefixed ? key.startsWith(prefix) : key.equals(pseudonym)) {
                                put(out, r.key(), r.value());
                            }
                        });
        if (!whole) {
            throw new IllegalStateException("the core's state could not be read in time");
        }
        return out;
    }

    private static void put(Map<String, byte[]> into, byte[] key, byte[] value) {
        String k = new String(key, StandardCharsets.UTF_8);
        if (value == null) {
            into.remove(k);
        } else {
            into.put(k, value);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(byte[] json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T value(byte[] json, Class<T> type) {
        try {
            return CanonicalJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
