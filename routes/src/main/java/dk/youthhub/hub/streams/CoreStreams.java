package dk.youthhub.hub.streams;

import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.OutboundRenderer;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.TopicInitializer;
import dk.youthhub.hub.kafka.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
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
        this.clock = clock;
        config.putAll(clients.commonProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, props.kafka().groupPrefix() + ".core");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                props.dataDir().resolve("streams").toAbsolutePath().toString());
        config.put(
                StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) props.topics().replicationFactor());
        config.put(StreamsConfig.CLIENT_ID_CONFIG, props.instanceId() + ".core");
    }

    @Override
    public synchronized void start() {
        Map<SourceSystem, OutboundRenderer> renderers = new EnumMap<>(SourceSystem.class);
        for (SourceSystem system : SourceSystem.values()) {
            renderers.put(system, registry.of(system).renderer());
        }
        streams = new KafkaStreams(CoreTopology.build(props, topics, renderers, clock), config);
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
