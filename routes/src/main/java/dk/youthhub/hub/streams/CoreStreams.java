package dk.youthhub.hub.streams;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.core.AuditKeys;
import dk.youthhub.hub.core.AuditSigning;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.TopicInitializer;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.metrics.AuditCounters;
import dk.youthhub.hub.metrics.ReceiptCounters;
import dk.youthhub.hub.privacy.Pseudonymizer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.streams.Topology;
import org.springframework.stereotype.Component;

/** The core stage ({@link CoreProcessor}) as a Kafka Streams application. */
@Component
public class CoreStreams extends StreamsApp {
    private final HubProperties props;
    private final Topics topics;
    private final Systems systems;
    private final KafkaClients clients;
    private final Clock clock;
    private final AuditSigning signing;
    private final ReceiptCounters receipts;
    private final AuditCounters audited;

    public CoreStreams(
            HubProperties props,
            KafkaClients clients,
            Topics topics,
            Systems systems,
            AuditKeys auditKeys,
            Pseudonymizer pseudonymizer,
            ReceiptCounters receipts,
            AuditCounters audited,
            Clock clock,
            TopicInitializer topicsCreated) {
        super("core", props, clients, topics.replicationFactor());
        this.props = props;
        this.topics = topics;
        this.systems = systems;
        this.clients = clients;
        this.clock = clock;
        this.signing = new AuditSigning(auditKeys, pseudonymizer.fingerprint());
        this.receipts = receipts;
        this.audited = audited;
    }

    /**
     * The canonical topics must have the same partition count: a young person's documents and
     * consents are then in the same task, whose state decides about them.
     */
    static void requireCopartitioned(KafkaClients clients, Topics topics) {
        List<String> canonical = new java.util.ArrayList<>(topics.canonicalTopics());
        canonical.add(topics.notices());
        canonical.add(topics.registrations());
        try (Admin admin = clients.admin()) {
            Map<String, TopicDescription> described =
                    admin.describeTopics(canonical).allTopicNames().get(60, TimeUnit.SECONDS);
            Set<Integer> counts =
                    described.values().stream()
                            .map(d -> d.partitions().size())
                            .collect(Collectors.toSet());
            if (counts.size() != 1) {
                throw new IllegalStateException(
                        "the canonical topics must have one partition count, they have "
                                + counts
                                + ": "
                                + canonical);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the canonical topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the canonical topics could not be described", e);
        }
    }

    @Override
    protected Topology topology() {
        requireCopartitioned(clients, topics);
        return CoreTopology.build(
                props, topics, systems, signing, receipts::notCounted, audited, poison, clock);
    }
}
