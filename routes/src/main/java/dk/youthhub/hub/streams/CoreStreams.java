package dk.youthhub.hub.streams;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.TopicInitializer;
import dk.youthhub.hub.kafka.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the core stage as a Kafka Streams application with {@code exactly_once_v2}: the consumed
 * offsets, the state changes and the outputs of each task commit together. State lives under {@code
 * $HUB_DATA_DIR/streams} and in changelog topics, so any instance can take a partition over.
 */
@Component
public class CoreStreams implements SmartLifecycle {
    private final Properties config = new Properties();
    private final HubProperties props;
    private final Topics topics;
    private final ConnectorRegistry registry;
    private final KafkaClients clients;
    private final Clock clock;
    private KafkaStreams streams;

    public CoreStreams(
            HubProperties props,
            KafkaClients clients,
            Topics topics,
            ConnectorRegistry registry,
            Clock clock,
            TopicInitializer topicsCreated) {
        this.props = props;
        this.topics = topics;
        this.registry = registry;
        this.clients = clients;
        this.clock = clock;
        config.putAll(clients.commonProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, props.kafka().groupPrefix() + ".core");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                props.dataDir().resolve("streams").toAbsolutePath().toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.replicationFactor());
        config.put(StreamsConfig.CLIENT_ID_CONFIG, props.instanceId() + ".core");
    }

    /**
     * The canonical topics must have the same partition count: a young person's documents and
     * consents are then in the same task, whose state decides about them.
     */
    static void requireCopartitioned(KafkaClients clients, Topics topics) {
        List<String> canonical =
                Arrays.stream(DocumentType.values()).map(topics::canonical).toList();
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
    public synchronized void start() {
        requireCopartitioned(clients, topics);
        streams = new KafkaStreams(CoreTopology.build(props, topics, registry, clock), config);
        streams.start();
    }

    @Override
    public synchronized void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return streams != null;
    }

    /** Running or rebalancing: the stage is alive. */
    public synchronized boolean isHealthy() {
        return streams != null
                && (streams.state() == KafkaStreams.State.RUNNING
                        || streams.state() == KafkaStreams.State.REBALANCING);
    }

    public synchronized String state() {
        return streams == null ? "NOT_RUNNING" : streams.state().name();
    }
}
