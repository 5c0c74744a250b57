package dk.youthhub.hub.streams;

import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.core.AuditKeys;
import dk.youthhub.hub.kafka.KafkaClients;
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
import org.apache.kafka.common.utils.Utils;
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

    public AuditTrail(KafkaClients clients, Topics topics, AuditKeys keys) {
        this.keys = keys;
        this.clients = clients;
        this.topic = topics.audit();
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

    public List<AuditChain.Record> of(String pseudonym) {
        byte[] key = pseudonym.getBytes(StandardCharsets.UTF_8);
        List<AuditChain.Record> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader()) {
            int partitions = consumer.partitionsFor(topic).size();
            TopicPartition tp =
                    new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % partitions);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            long deadline = System.currentTimeMillis() + 30_000;
            while (consumer.position(tp) < end && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (java.util.Arrays.equals(r.key(), key)) {
                        out.add(read(r.value()));
                    }
                }
            }
        }
        return out;
    }

    public Optional<Integer> firstBreak(List<AuditChain.Record> trail) {
        return AuditChain.firstBreak(trail, keys);
    }

    public static List<Waiting> waiting(List<AuditChain.Record> trail) {
        Map<String, Waiting> held = new LinkedHashMap<>();
        for (AuditChain.Record r : trail) {
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

    private static AuditChain.Record read(byte[] json) {
        try {
            return CanonicalJson.mapper().readValue(json, AuditChain.Record.class);
        } catch (IOException e) {
            throw new UncheckedIOException("an audit record could not be read", e);
        }
    }
}
