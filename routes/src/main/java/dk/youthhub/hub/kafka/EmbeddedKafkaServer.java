package dk.youthhub.hub.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Features;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), keeping its log in
 * a directory that survives restarts. The directory is formatted once, as {@code kafka-storage
 * format} does; later starts reuse it. Internal topics (offsets, transaction state) use replication
 * factor 1 and min. in-sync replicas 1, without which transactions hang.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaServer.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";

    private final Path logDir;
    private final String host;
    private final int port;
    private final int controllerPort;
    private final boolean flushEveryMessage;
    private KafkaRaftServer server;

    /**
     * @param flushEveryMessage {@code fsync} each append before acknowledging it; false leaves
     *     flushing to the OS
     */
    public EmbeddedKafkaServer(
            Path logDir, String host, int port, int controllerPort, boolean flushEveryMessage) {
        this.logDir = logDir.toAbsolutePath();
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.flushEveryMessage = flushEveryMessage;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaConfig config = new KafkaConfig(properties(), false);
        formatOnce();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        LOG.info("Embedded Kafka broker listening on {}, log in {}", bootstrapServers(), logDir);
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        LOG.info("Embedded Kafka broker stopped");
    }

    private void formatOnce() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(System.out)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER)
                    .setSupportedFeatures(Features.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker's log directory", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the broker's log directory", e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.putAll(
                Map.ofEntries(
                        Map.entry("process.roles", "broker,controller"),
                        Map.entry("node.id", String.valueOf(NODE_ID)),
                        Map.entry(
                                "controller.quorum.voters",
                                NODE_ID + "@" + host + ":" + controllerPort),
                        Map.entry(
                                "listeners",
                                "PLAINTEXT://"
                                        + host
                                        + ":"
                                        + port
                                        + ","
                                        + CONTROLLER
                                        + "://"
                                        + host
                                        + ":"
                                        + controllerPort),
                        Map.entry("advertised.listeners", "PLAINTEXT://" + host + ":" + port),
                        Map.entry("controller.listener.names", CONTROLLER),
                        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                        Map.entry(
                                "listener.security.protocol.map",
                                "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                        Map.entry("log.dirs", logDir.toString()),
                        Map.entry("offsets.topic.replication.factor", "1"),
                        Map.entry("offsets.topic.num.partitions", "10"),
                        Map.entry("transaction.state.log.replication.factor", "1"),
                        Map.entry("transaction.state.log.min.isr", "1"),
                        Map.entry("transaction.state.log.num.partitions", "10"),
                        Map.entry("min.insync.replicas", "1"),
                        Map.entry("default.replication.factor", "1"),
                        Map.entry("num.partitions", "6"),
                        Map.entry("auto.create.topics.enable", "false"),
                        Map.entry("group.initial.rebalance.delay.ms", "0"),
                        Map.entry("log.retention.hours", "-1")));
        if (flushEveryMessage) {
            p.put("log.flush.interval.messages", "1");
        }
        return p;
    }
}
