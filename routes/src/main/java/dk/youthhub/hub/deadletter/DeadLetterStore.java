package dk.youthhub.hub.deadletter;

import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.stereotype.Component;

/**
 * Reading and replaying dead letters. A dead letter's id is its position, {@code
 * <partition>-<offset>} on {@code hub.deadletter.v1}. Listing shows positions, codes and messages,
 * never a key, value or CPR number. Replaying writes the original key, value and headers (the
 * {@code hub_*} ones left out) back to the source topic, where the hub processes it again.
 */
@Component
public class DeadLetterStore {
    private static final Pattern ID = Pattern.compile("(\\d{1,5})-(\\d{1,19})");
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaClients clients;
    private final String topic;
    private final Set<String> replayable;
    private final Producer<byte[], byte[]> producer;

    public DeadLetterStore(KafkaClients clients, Topics topics) {
        this.clients = clients;
        this.topic = topics.deadLetter();
        this.replayable = Set.copyOf(topics.all());
        this.producer = clients.idempotentProducer("dead-letter-replay");
    }

    /**
     * What an operator sees of a dead letter.
     *
     * @param timestamp the input record's timestamp, kept on the dead letter
     */
    public record Summary(
            String id,
            Instant timestamp,
            String errorCode,
            String errorMessage,
            String sourceTopic,
            String sourcePartition,
            String sourceOffset,
            int valueBytes) {}

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
            long deadline = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    all.add(summary(r));
                }
            }
        }
        return all.stream()
                .sorted(Comparator.comparing(Summary::timestamp).reversed())
                .limit(limit)
                .toList();
    }

    /** Writes the dead letter back to its source topic; empty if there is no such dead letter. */
    public Optional<RecordMetadata> replay(String id)
            throws InterruptedException, ExecutionException, TimeoutException {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        TopicPartition tp = new TopicPartition(topic, Integer.parseInt(m.group(1)));
        long offset = Long.parseLong(m.group(2));
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader()) {
            if (consumer.partitionsFor(topic).stream()
                    .noneMatch(p -> p.partition() == tp.partition())) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            if (offset < consumer.beginningOffsets(List.of(tp)).get(tp)
                    || offset >= consumer.endOffsets(List.of(tp)).get(tp)) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    if (r.offset() == offset) {
                        return Optional.of(resend(r));
                    }
                    if (r.offset() > offset) {
                        return Optional
                                .empty(); // the offset held a transaction marker or an aborted
                        // record
                    }
                }
            }
            return Optional.empty();
        }
    }

    private RecordMetadata resend(ConsumerRecord<byte[], byte[]> r)
            throws InterruptedException, ExecutionException, TimeoutException {
        String source = header(r, DeadLetters.SOURCE_TOPIC);
        if (source == null || !replayable.contains(source)) {
            throw new IllegalStateException("a dead letter without a known source topic");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header h : r.headers()) {
            if (!h.key().startsWith("hub_")) {
                headers.add(h);
            }
        }
        return producer.send(new ProducerRecord<>(source, null, r.key(), r.value(), headers))
                .get(30, TimeUnit.SECONDS);
    }

    private Summary summary(ConsumerRecord<byte[], byte[]> r) {
        return new Summary(
                r.partition() + "-" + r.offset(),
                Instant.ofEpochMilli(r.timestamp()),
                header(r, DeadLetters.ERROR_CODE),
                header(r, DeadLetters.ERROR_MESSAGE),
                header(r, DeadLetters.SOURCE_TOPIC),
                header(r, DeadLetters.SOURCE_PARTITION),
                header(r, DeadLetters.SOURCE_OFFSET),
                r.value() == null ? 0 : r.value().length);
    }

    private static String header(ConsumerRecord<?, ?> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @jakarta.annotation.PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
