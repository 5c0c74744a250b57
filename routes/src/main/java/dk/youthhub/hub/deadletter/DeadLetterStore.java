package dk.youthhub.hub.deadletter;

import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.kafka.CloudEvents;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.KafkaReads;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.Pseudonymizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.stereotype.Component;

/**
 * Reading and replaying dead letters. A dead letter's id is its position, {@code
 * <partition>-<offset>} on {@code hub.deadletter.v1}. Listing shows positions, codes and messages,
 * never a key, value or CPR number. Replaying writes the input back to its source topic, where the
 * hub processes it again.
 */
@Component
public class DeadLetterStore {
    private static final Pattern ID = Pattern.compile("(\\d{1,5})-(\\d{1,19})");
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaClients clients;
    private final String topic;
    private final Set<String> replayable;
    private final Producer<byte[], byte[]> producer;
    private final Pseudonymizer pseudonymizer;
    private final Set<String> canonical;

    public DeadLetterStore(KafkaClients clients, Topics topics, Pseudonymizer pseudonymizer) {
        this.clients = clients;
        this.pseudonymizer = pseudonymizer;
        this.canonical = Set.copyOf(topics.canonicalTopics());
        this.topic = topics.deadLetter();
        this.replayable = Set.copyOf(topics.all());
        this.producer = clients.idempotentProducer("dead-letter-replay");
    }

    /**
     * What an operator sees of a dead letter.
     *
     * @param timestamp the input record's timestamp, kept on the dead letter
     * @param target the one recipient the failure concerned, if it concerned one
     * @param ceId the delivery's id, for a dead-lettered delivery
     * @param chain the audit chain it is in (the pseudonym, or {@code unidentified}); not in the
     *     API's answer, for the console's status of a replayed delivery
     */
    public record Summary(
            String id,
            Instant timestamp,
            String errorCode,
            String errorMessage,
            String sourceTopic,
            String sourcePartition,
            String sourceOffset,
            int valueBytes,
            String target,
            String ceId,
            @com.fasterxml.jackson.annotation.JsonIgnore String chain) {}

    /** The newest dead letters first, at most {@code limit}. */
    public List<Summary> newest(int limit) {
        List<Summary> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader()) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - limit));
            }
            KafkaReads.toEnd(
                    consumer, partitions, Duration.ofSeconds(10), r -> all.add(summary(r)));
        }
        return all.stream()
                .sorted(Comparator.comparing(Summary::timestamp).reversed())
                .limit(limit)
                .toList();
    }

    /** What a replay did. */
    public sealed interface Replay permits Replayed, NotFound, Gone {}

    /** The input is back on its source topic, at this position. */
    public record Replayed(RecordMetadata written) implements Replay {}

    /** No dead letter has that id. */
    public record NotFound() implements Replay {}

    /** The dead letter kept only a digest, and its source no longer holds the input. */
    public record Gone() implements Replay {}

    /**
     * Writes the dead letter's input back to its source topic, with {@code hub_replay_of} (its id)
     * and, for a failure that concerned one recipient, {@code hub_target}: the hub processes it
     * again once, for that recipient alone. A dead letter without its value takes it from its
     * source position.
     */
    public Replay replay(String id)
            throws InterruptedException, ExecutionException, TimeoutException {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return new NotFound();
        }
        TopicPartition tp = new TopicPartition(topic, Integer.parseInt(m.group(1)));
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader()) {
            if (consumer.partitionsFor(topic).stream()
                    .noneMatch(p -> p.partition() == tp.partition())) {
                return new NotFound();
            }
            Optional<ConsumerRecord<byte[], byte[]>> letter =
                    readAt(consumer, tp, Long.parseLong(m.group(2)));
            if (letter.isEmpty()) {
                return new NotFound();
            }
            ConsumerRecord<byte[], byte[]> r = letter.get();
            String source = KafkaReads.header(r.headers(), DeadLetters.SOURCE_TOPIC);
            if (source == null || !replayable.contains(source)) {
                throw new IllegalStateException("a dead letter without a known source topic");
            }
            byte[] value = r.value();
            if ("true".equals(KafkaReads.header(r.headers(), DeadLetters.VALUE_OMITTED))) {
                Optional<ConsumerRecord<byte[], byte[]>> original =
                        readAt(
                                consumer,
                                new TopicPartition(
                                        source,
                                        Integer.parseInt(
                                                KafkaReads.header(
                                                        r.headers(),
                                                        DeadLetters.SOURCE_PARTITION))),
                                Long.parseLong(
                                        KafkaReads.header(r.headers(), DeadLetters.SOURCE_OFFSET)));
                if (original.isEmpty()) {
                    return new Gone();
                }
                value = original.get().value();
            }
            RecordHeaders headers = new RecordHeaders();
            headers.add(DeadLetters.REPLAY_OF, id.getBytes(StandardCharsets.UTF_8));
            // its one recipient, where in a drop file the row came from, a delivery's identity
            KafkaReads.carry(r.headers(), headers, List.of(DeadLetters.TARGET));
            KafkaReads.carry(r.headers(), headers, DeadLetters.KEPT_SOURCE_HEADERS);
            KafkaReads.carry(r.headers(), headers, CloudEvents.DELIVERY_IDENTITY);
            return new Replayed(
                    producer.send(
                                    new ProducerRecord<>(
                                            source,
                                            null,
                                            key(source, r.key(), value),
                                            value,
                                            headers))
                            .get(30, TimeUnit.SECONDS));
        }
    }

    /**
     * The key to replay with: a canonical document's young person's pseudonym under the current key
     * (the dead letter may be from before a rotation of the pseudonym key); else the dead letter's
     * own.
     */
    private byte[] key(String source, byte[] key, byte[] value) {
        if (!canonical.contains(source)) {
            return key;
        }
        try {
            String cpr =
                    CanonicalJson.mapper()
                            .readTree(value)
                            .path("youngPerson")
                            .path("cpr")
                            .asText("");
            return cpr.matches("[0-9]{10}")
                    ? pseudonymizer.pseudonym(cpr).getBytes(StandardCharsets.UTF_8)
                    : key;
        } catch (IOException unreadable) {
            return key;
        }
    }

    /** The committed record at a position, if the partition still holds one there. */
    private static Optional<ConsumerRecord<byte[], byte[]>> readAt(
            KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, long offset) {
        consumer.assign(List.of(tp));
        if (offset < 0
                || offset < consumer.beginningOffsets(List.of(tp)).get(tp)
                || offset >= consumer.endOffsets(List.of(tp)).get(tp)) {
            return Optional.empty();
        }
        consumer.seek(tp, offset);
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                if (r.offset() == offset) {
                    return Optional.of(r);
                }
                if (r.offset() > offset) {
                    // the offset held a transaction marker or an aborted record
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private Summary summary(ConsumerRecord<byte[], byte[]> r) {
        return new Summary(
                r.partition() + "-" + r.offset(),
                Instant.ofEpochMilli(r.timestamp()),
                KafkaReads.header(r.headers(), DeadLetters.ERROR_CODE),
                KafkaReads.header(r.headers(), DeadLetters.ERROR_MESSAGE),
                KafkaReads.header(r.headers(), DeadLetters.SOURCE_TOPIC),
                KafkaReads.header(r.headers(), DeadLetters.SOURCE_PARTITION),
                KafkaReads.header(r.headers(), DeadLetters.SOURCE_OFFSET),
                r.value() == null ? 0 : r.value().length,
                KafkaReads.header(r.headers(), DeadLetters.TARGET),
                KafkaReads.header(r.headers(), CloudEvents.ID),
                r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
    }

    @jakarta.annotation.PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
