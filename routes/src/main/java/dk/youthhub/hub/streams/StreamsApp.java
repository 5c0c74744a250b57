package dk.youthhub.hub.streams;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.kafka.KafkaClients;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.springframework.context.SmartLifecycle;

/**
 * One of the hub's Kafka Streams applications with {@code exactly_once_v2}: the consumed offsets,
 * the state changes and the outputs of each task commit together. State lives under {@code
 * $HUB_DATA_DIR/streams} and in changelog topics, so any instance can take a partition over. It
 * never shuts down over one record ({@link StreamsErrorHandlers}) and leaves its group when it
 * stops, so a restart does not wait for the session timeout.
 */
public abstract class StreamsApp implements SmartLifecycle {
    private final String name;
    private final Properties config = new Properties();
    protected final PoisonRecords poison = new PoisonRecords();
    private KafkaStreams streams;
    private boolean idle;

    protected StreamsApp(
            String name, HubProperties props, KafkaClients clients, short replication) {
        this.name = name;
        config.putAll(config(name, props, clients, replication, poison));
    }

    /** The settings of the application {@code <prefix>.<name>}. */
    public static Properties config(
            String name,
            HubProperties props,
            KafkaClients clients,
            short replication,
            PoisonRecords poison) {
        Properties config = new Properties();
        config.putAll(clients.commonProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, props.kafka().groupPrefix() + "." + name);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                props.dataDir().resolve("streams").toAbsolutePath().toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replication);
        config.put(StreamsConfig.CLIENT_ID_CONFIG, props.instanceId() + "." + name);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, props.stage().consumers());
        // a thread that waits for input commits what it processed only after the wait: never longer
        // than the commit interval, so a quiet stage does not hold a document back
        config.put(
                StreamsConfig.POLL_MS_CONFIG,
                (long) Math.min(props.stage().pollTimeoutMs(), props.stage().commitIntervalMs()));
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, props.stage().commitIntervalMs());
        config.put(
                StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG),
                props.stage().maxBatch());
        // leave the group on close, notice a crash in seconds: a restart does not wait 45 s
        config.put(StreamsConfig.consumerPrefix("internal.leave.group.on.close"), true);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        config.put(
                StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        StreamsSettings.harden(config, poison);
        return config;
    }

    /** The topology to run, built when the application starts; null when there is nothing to do. */
    protected abstract Topology topology();

    @Override
    public synchronized void start() {
        Topology topology = topology();
        if (topology == null) {
            idle = true;
            return;
        }
        streams = new KafkaStreams(topology, config);
        streams.setUncaughtExceptionHandler(StreamsErrorHandlers.replaceThread(name));
        streams.start();
    }

    @Override
    public synchronized void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams = null;
        }
        idle = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return streams != null || idle;
    }

    /** Running or rebalancing, or idle with nothing to do: the application is alive. */
    public synchronized boolean isHealthy() {
        return idle
                || streams != null
                        && (streams.state() == KafkaStreams.State.RUNNING
                                || streams.state() == KafkaStreams.State.REBALANCING);
    }

    /** Kafka Streams' state, {@code IDLE} with nothing to do, {@code NOT_RUNNING} when stopped. */
    public synchronized String state() {
        if (idle) {
            return "IDLE";
        }
        return streams == null ? "NOT_RUNNING" : streams.state().name();
    }
}
