package dk.youthhub.hub.kafka;

import static dk.youthhub.hub.support.Records.text;
import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.support.Records;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run default's broker keeps its data: a record written before a restart is read after. */
class EmbeddedKafkaServerIT {

    @Test
    void keepsRecordsAndClusterIdentityAcrossARestart(@TempDir Path dataDir) throws Exception {
        Path logDir = dataDir.resolve("kafka");
        int port = freePort();
        int controllerPort = freePort();

        try (EmbeddedKafkaServer broker =
                new EmbeddedKafkaServer(logDir, "127.0.0.1", port, controllerPort, true)) {
            broker.start();
            try (Admin admin =
                    Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            Records.send(
                    broker.bootstrapServers(),
                    "kept",
                    null,
                    "before restart".getBytes(StandardCharsets.UTF_8));
        }
        String metaBefore = Files.readString(logDir.resolve("meta.properties"));

        try (EmbeddedKafkaServer broker =
                new EmbeddedKafkaServer(logDir, "127.0.0.1", port, controllerPort, true)) {
            broker.start();
            assertThat(Files.readString(logDir.resolve("meta.properties")))
                    .as("formatted once, not again")
                    .isEqualTo(metaBefore);
            assertThat(
                            Records.readUntil(
                                            broker.bootstrapServers(),
                                            "kept",
                                            "read_committed",
                                            rs -> !rs.isEmpty())
                                    .stream()
                                    .map(r -> text(r.value())))
                    .containsExactly("before restart");
        }
    }

    @Test
    void flushesEveryMessageOnlyWhenAsked(@TempDir Path dataDir) throws Exception {
        assertThat(flushInterval(dataDir.resolve("flushed"), true)).isEqualTo("1");
        assertThat(flushInterval(dataDir.resolve("os"), false))
                .as("Kafka's default: the OS flushes")
                .isEqualTo(String.valueOf(Long.MAX_VALUE));
    }

    private static String flushInterval(Path logDir, boolean flushEveryMessage) throws Exception {
        try (EmbeddedKafkaServer broker =
                new EmbeddedKafkaServer(
                        logDir, "127.0.0.1", freePort(), freePort(), flushEveryMessage)) {
            broker.start();
            try (Admin admin =
                    Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
                return admin.describeConfigs(List.of(node))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get(node)
                        .get("log.flush.interval.messages")
                        .value();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
