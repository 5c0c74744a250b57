package dk.youthhub.hub.streams;

import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.core.AuditKeys;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.KafkaReads;
import dk.youthhub.hub.kafka.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * One young person's audit trail, read from their partition of {@code hub.audit.v1} (records are
 * keyed by the pseudonym), with the hash chain checked; and what still waits for consent, derived
 * from the trail.
 */
@Component
public class AuditTrail {
    private final KafkaClients clients;
    private final String topic;
    private final AuditKeys keys;
    private final String heads;
    private final String links;

    /** More rotations than this for one young person are not followed (a loop would be endless). */
    private static final int MAX_ROTATIONS = 100;

    public AuditTrail(KafkaClients clients, Topics topics, AuditKeys keys) {
        this.links = topics.pseudonymLinks();
        this.keys = keys;
        this.clients = clients;
        this.topic = topics.audit();
        this.heads = topics.auditHeads();
    }

    /**
     * What waits: a version held for a recipient and not yet released, expired or rejected (each
     * version on its own: a rejection of one does not hide another that still waits).
     */
    public record Waiting(
            String documentId,
            String documentType,
            Long documentVersion,
            String target,
            Instant heldAt) {}

    /**
     * One chain as the topic holds it, and the last hash the core wrote for it (read first, so a
     * record written meanwhile is still found).
     */
    public record Chain(List<AuditChain.Record> records, Optional<String> head) {}

    /**
     * A young person's chain, preceded by the chains of the pseudonyms they had before each
     * rotation of the pseudonym key ({@link Topics#pseudonymLinks()}): the first record after a
     * rotation follows the {@code REKEYED} record that ended the chain before, so the whole
     * verifies as one.
     */
    public Chain of(String pseudonym) {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader()) {
            Optional<String> head = head(consumer, pseudonym);
            List<AuditChain.Record> records = records(consumer, pseudonym);
            String current = pseudonym;
            for (int rotations = 0; rotations < MAX_ROTATIONS; rotations++) {
                Optional<String> before = linkedFrom(consumer, current);
                if (before.isEmpty()) {
                    break;
                }
                List<AuditChain.Record> earlier = records(consumer, before.get());
                earlier.addAll(records);
                records = earlier;
                current = before.get();
            }
            return new Chain(records, head);
        }
    }

    /** The pseudonym a young person had before the last rotation, if there was one. */
    private Optional<String> linkedFrom(KafkaConsumer<byte[], byte[]> consumer, String pseudonym) {
        var partitions = consumer.partitionsFor(links);
        if (partitions == null || partitions.isEmpty()) {
            return Optional.empty();
        }
        byte[] key = pseudonym.getBytes(StandardCharsets.UTF_8);
        String[] from = {null};
        readKey(
                consumer,
                KafkaReads.partitionOf(links, key, partitions.size()),
                key,
                r -> from[0] = r.value() == null ? null : linkFrom(r.value()));
        return Optional.ofNullable(from[0]);
    }

    /**
     * Where the chain breaks: the first record that does not follow or is not signed by the hub,
     * else the number of records when the core's last hash is not among them (a removed tail).
     */
    public Optional<Integer> firstBreak(Chain chain) {
        return firstBreak(chain, keys);
    }

    static Optional<Integer> firstBreak(Chain chain, AuditKeys keys) {
        Optional<Integer> broken = AuditChain.firstBreak(chain.records(), keys);
        if (broken.isPresent() || chain.head().isEmpty()) {
            return broken;
        }
        boolean tailThere =
                chain.records().stream().anyMatch(r -> r.hash().equals(chain.head().get()));
        return tailThere ? Optional.empty() : Optional.of(chain.records().size());
    }

    /**
     * Every chain's last hash, and one digest over all of them: a checkpoint an operator keeps
     * outside the hub, so a later rewrite of history (the topic and the heads together) shows.
     */
    public record Checkpoint(Instant time, int chains, String digest, Map<String, String> heads) {}

    /** The checkpoint now; empty when the heads could not be read to their end in a minute. */
    public Optional<Checkpoint> checkpoint(Instant now) {
        return checkpoint(now, Duration.ofSeconds(60));
    }

    /**
     * @param atMost how long the heads may take to read: a checkpoint of some heads only would
     *     claim fewer chains than there are, so there is none then
     */
    Optional<Checkpoint> checkpoint(Instant now, Duration atMost) {
        Map<String, String> heads = new java.util.TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader()) {
            KafkaReads.latest(consumer, this.heads, atMost)
                    .forEach(
                            (chain, hash) ->
                                    heads.put(chain, new String(hash, StandardCharsets.UTF_8)));
        } catch (IllegalStateException notToTheEnd) {
            return Optional.empty();
        }
        StringBuilder all = new StringBuilder();
        heads.forEach((chain, hash) -> all.append(chain).append(':').append(hash).append('\n'));
        return Optional.of(
                new Checkpoint(
                        now,
                        heads.size(),
                        dk.youthhub.hub.core.Hashes.sha256Hex(
                                all.toString().getBytes(StandardCharsets.UTF_8)),
                        heads));
    }

    private Optional<String> head(KafkaConsumer<byte[], byte[]> consumer, String chain) {
        byte[] key = chain.getBytes(StandardCharsets.UTF_8);
        var partitions = consumer.partitionsFor(heads);
        if (partitions == null || partitions.isEmpty()) {
            return Optional.empty();
        }
        String[] latest = {null};
        readKey(
                consumer,
                KafkaReads.partitionOf(heads, key, partitions.size()),
                key,
                r ->
                        latest[0] =
                                r.value() == null
                                        ? null
                                        : new String(r.value(), StandardCharsets.UTF_8));
        return Optional.ofNullable(latest[0]);
    }

    private List<AuditChain.Record> records(
            KafkaConsumer<byte[], byte[]> consumer, String pseudonym) {
        byte[] key = pseudonym.getBytes(StandardCharsets.UTF_8);
        List<AuditChain.Record> out = new ArrayList<>();
        readKey(
                consumer,
                KafkaReads.partitionOf(topic, key, consumer.partitionsFor(topic).size()),
                key,
                r -> out.add(read(r.value())));
        return out;
    }

    /** The records of one key in its partition, from the start to the end as of now. */
    private static void readKey(
            KafkaConsumer<byte[], byte[]> consumer,
            TopicPartition tp,
            byte[] key,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        KafkaReads.fromStart(
                consumer,
                List.of(tp),
                Duration.ofSeconds(30),
                r -> {
                    if (java.util.Arrays.equals(r.key(), key)) {
                        each.accept(r);
                    }
                });
    }

    public static List<Waiting> waiting(List<AuditChain.Record> trail) {
        Map<String, Waiting> held = new LinkedHashMap<>();
        for (AuditChain.Record r : trail) {
            if (r.action() == AuditChain.Action.ERASED) {
                held.clear(); // nothing waits any more: the held documents were erased
                continue;
            }
            if (r.target() == null) {
                continue;
            }
            String k = r.documentId() + "|" + r.documentVersion() + "|" + r.target();
            switch (r.action()) {
                case HELD ->
                        held.put(
                                k,
                                new Waiting(
                                        r.documentId(),
                                        r.documentType(),
                                        r.documentVersion(),
                                        r.target(),
                                        r.time()));
                case RELEASED, EXPIRED, REJECTED, DISPATCHED, DELIVERED -> held.remove(k);
                default -> {}
            }
        }
        return List.copyOf(held.values());
    }

    private static String linkFrom(byte[] json) {
        try {
            return CanonicalJson.mapper().readTree(json).path("from").asText(null);
        } catch (IOException e) {
            throw new UncheckedIOException("a pseudonym link could not be read", e);
        }
    }

    private static AuditChain.Record read(byte[] json) {
        try {
            return CanonicalJson.mapper().readValue(json, AuditChain.Record.class);
        } catch (IOException e) {
            throw new UncheckedIOException("an audit record could not be read", e);
        }
    }
}
