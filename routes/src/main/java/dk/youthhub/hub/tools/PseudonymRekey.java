package dk.youthhub.hub.tools;

import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.core.AuditKeys;
import dk.youthhub.hub.core.Rekeying;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.KafkaReads;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.PseudonymKeyCheck;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.streams.CoreProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Rotates the pseudonym key offline (the contract's "Keys"): with every instance stopped and the
 * young people's records all processed, it rewrites the core's state stores and their changelogs
 * under the new pseudonyms ({@link Rekeying}), ends each old audit chain with a {@code REKEYED}
 * record whose reason is the new key's id and starts the new chain from it, registers the link
 * ({@link Topics#pseudonymLinks()}), and records the new key's fingerprint, all in one Kafka
 * transaction. It never rewrites or republishes a record of the other topics: they keep the old
 * pseudonyms until their retention ends.
 */
public final class PseudonymRekey {
    private static final Duration READ = Duration.ofMinutes(5);

    /** The stores keyed by the young person's pseudonym. */
    private static final List<String> STORES =
            List.of(
                    CoreProcessor.YOUTH,
                    CoreProcessor.CONSENTS,
                    CoreProcessor.HELD,
                    CoreProcessor.DISPATCHES,
                    CoreProcessor.LATEST,
                    CoreProcessor.AUDIT_HEAD);

    private PseudonymRekey() {}

    /** Why the re-keying did not start; nothing was written. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param youngPeople how many young people got a new pseudonym
     * @param left how many pseudonyms keep their state as it is (no CPR number in it)
     */
    public record Report(
            int youngPeople, int storeWrites, int auditRecords, int registerWrites, int left) {}

    public static Report run(
            HubProperties props,
            KafkaClients clients,
            Topics topics,
            Systems systems,
            Pseudonymizer from,
            Pseudonymizer to,
            AuditKeys auditKeys,
            Clock clock)
            throws InterruptedException, ExecutionException, TimeoutException {
        checkKey(clients, topics, from, to);
        checkStopped(props, clients, topics, systems);
        List<Rekeying.Entry> entries = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = clients.reader()) {
            for (String store : STORES) {
                Map<String, Rekeying.Entry> live = new LinkedHashMap<>();
                read(
                        c,
                        topics.coreChangelog(store),
                        (partition, key, value) ->
                                live.put(key, new Rekeying.Entry(store, partition, key, value)));
                live.values().stream().filter(e -> e.value() != null).forEach(entries::add);
            }
            Map<String, Map<String, byte[]>> registers = new HashMap<>();
            registers.put(
                    Rekeying.DISPATCH_INDEX, KafkaReads.latest(c, topics.dispatchIndex(), READ));
            registers.put(
                    Rekeying.UNACKNOWLEDGED, KafkaReads.latest(c, topics.unacknowledged(), READ));
            registers.put(Rekeying.MEETINGS, KafkaReads.latest(c, topics.meetings(), READ));
            Rekeying.Plan plan =
                    Rekeying.plan(
                            entries,
                            registers,
                            new Rekeying.Keys(
                                    from::pseudonym,
                                    to::pseudonym,
                                    from.fingerprint(),
                                    to.fingerprint(),
                                    auditKeys),
                            clock.instant());
            write(clients, topics, plan, to.fingerprint());
            return new Report(
                    plan.pseudonyms().size(),
                    plan.stores().size(),
                    plan.audit().size(),
                    plan.registers().size(),
                    plan.left().size());
        }
    }

    private static void checkKey(
            KafkaClients clients, Topics topics, Pseudonymizer from, Pseudonymizer to) {
        if (from.fingerprint().equals(to.fingerprint())) {
            throw new Refused("the new pseudonym secret is the current one");
        }
        Optional<String> recorded = PseudonymKeyCheck.recorded(clients, topics.pseudonymKey());
        if (recorded.isEmpty()) {
            throw new Refused(
                    "no hub has recorded a pseudonym key on "
                            + topics.pseudonymKey()
                            + ": check KAFKA_BOOTSTRAP_SERVERS and hub.kafka.group-prefix");
        }
        if (recorded.get().equals(to.fingerprint())) {
            throw new Refused("the hub's state is already keyed with the new secret");
        }
        if (!recorded.get().equals(from.fingerprint())) {
            throw new Refused(
                    "HUB_PSEUDONYM_SECRET is not the secret the hub runs with (fingerprint "
                            + recorded.get()
                            + ", given "
                            + from.fingerprint()
                            + ")");
        }
    }

    /**
     * No instance runs, and every record keyed by a pseudonym has been processed: the systems'
     * events (pseudonymised when read) and receipts (found by {@code ce_id}) may wait.
     */
    private static void checkStopped(
            HubProperties props, KafkaClients clients, Topics topics, Systems systems)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> problems = running(props, clients, topics, systems);
        if (!problems.isEmpty()) {
            throw new Refused(
                    "stop every instance after it has processed what it read (stop the sources, wait"
                            + " for consumer lag 0, then stop the hub): "
                            + String.join("; ", problems));
        }
    }

    /** The hub's groups that have running members or unprocessed records; empty when none. */
    public static List<String> running(
            HubProperties props, KafkaClients clients, Topics topics, Systems systems)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> mayWait = new TreeSet<>();
        for (Systems.HubSystem s : systems.enabled()) {
            SourceSystem system = s.system();
            topics.events(system).ifPresent(mayWait::add);
            topics.receipts(system).ifPresent(mayWait::add);
        }
        String prefix = props.kafka().groupPrefix() + ".";
        List<String> problems = new ArrayList<>();
        try (Admin admin = clients.admin();
                KafkaConsumer<byte[], byte[]> c = clients.reader()) {
            List<String> groups =
                    admin.listConsumerGroups().all().get(60, TimeUnit.SECONDS).stream()
                            .map(ConsumerGroupListing::groupId)
                            .filter(g -> g.startsWith(prefix))
                            .sorted()
                            .toList();
            Map<String, ConsumerGroupDescription> described =
                    admin.describeConsumerGroups(groups).all().get(60, TimeUnit.SECONDS);
            for (String group : groups) {
                int members = described.get(group).members().size();
                if (members > 0) {
                    problems.add("group " + group + " has " + members + " running member(s)");
                }
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata()
                                .get(60, TimeUnit.SECONDS);
                committed.forEach(
                        (tp, offset) -> {
                            if (offset != null && !mayWait.contains(tp.topic())) {
                                long waiting = waiting(c, tp, offset.offset());
                                if (waiting > 0) {
                                    problems.add(
                                            "group "
                                                    + group
                                                    + " has "
                                                    + waiting
                                                    + " unprocessed record(s) on "
                                                    + tp);
                                }
                            }
                        });
            }
        }
        return problems;
    }

    /** The committed records after {@code offset} (transaction markers are not records). */
    private static long waiting(KafkaConsumer<byte[], byte[]> c, TopicPartition tp, long offset) {
        c.assign(List.of(tp));
        c.seek(tp, offset);
        long[] n = {0};
        if (!KafkaReads.toEnd(c, List.of(tp), READ, r -> n[0]++)) {
            throw new IllegalStateException(tp + " could not be read to its end");
        }
        return n[0];
    }

    private interface Each {
        void accept(int partition, String key, byte[] value);
    }

    private static void read(KafkaConsumer<byte[], byte[]> c, String topic, Each each) {
        if (!KafkaReads.wholeTopic(
                c,
                topic,
                READ,
                r ->
                        each.accept(
                                r.partition(),
                                new String(r.key(), StandardCharsets.UTF_8),
                                r.value()))) {
            throw new IllegalStateException(topic + " could not be read to its end");
        }
    }

    private static void write(
            KafkaClients clients, Topics topics, Rekeying.Plan plan, String fingerprint)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, String> registers =
                Map.of(
                        Rekeying.DISPATCH_INDEX, topics.dispatchIndex(),
                        Rekeying.UNACKNOWLEDGED, topics.unacknowledged(),
                        Rekeying.MEETINGS, topics.meetings(),
                        Rekeying.LINKS, topics.pseudonymLinks());
        try (Producer<byte[], byte[]> p = clients.sharedTransactionalProducer("rekey");
                KafkaConsumer<byte[], byte[]> c = clients.reader()) {
            p.beginTransaction();
            for (Rekeying.StoreWrite w : plan.stores()) {
                String topic = topics.coreChangelog(w.store());
                int partition =
                        w.partition() >= 0
                                ? w.partition()
                                : KafkaReads.partitionOf(
                                                topic,
                                                utf8(w.pseudonym()),
                                                c.partitionsFor(topic).size())
                                        .partition();
                p.send(new ProducerRecord<>(topic, partition, utf8(w.key()), w.value()));
            }
            for (AuditChain.Record r : plan.audit()) {
                p.send(
                        new ProducerRecord<>(
                                topics.audit(),
                                utf8(r.pseudonym()),
                                CanonicalJson.mapper().writeValueAsBytes(r)));
            }
            for (Rekeying.RegisterWrite w : plan.registers()) {
                p.send(new ProducerRecord<>(registers.get(w.register()), utf8(w.key()), w.value()));
            }
            p.send(
                    new ProducerRecord<>(
                            topics.pseudonymKey(), utf8("fingerprint"), utf8(fingerprint)));
            p.commitTransaction();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an audit record could not be written", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
