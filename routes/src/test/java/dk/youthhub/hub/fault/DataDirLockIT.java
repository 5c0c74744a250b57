package dk.youthhub.hub.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.support.JavaProcess;
import dk.youthhub.hub.support.Records;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A second hub started on the data directory of a running one (the embedded default, other ports)
 * is refused in one line naming the directory and the running hub's pid; the running hub is not
 * touched and goes on working.
 */
class DataDirLockIT {

    @Test
    void aSecondHubOnTheSameDataDirectoryIsRefusedAndTheFirstGoesOn() throws Exception {
        String run = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of("target", "fault", run).toAbsolutePath();
        int kafka = JavaProcess.freePort();
        int http = JavaProcess.freePort();
        try (JavaProcess first =
                HubInstance.embedded(run + "-first", dir, kafka, JavaProcess.freePort(), http)) {
            HubInstance.awaitUp(first, http, Duration.ofMinutes(3));
            try (JavaProcess second =
                    HubInstance.embedded(
                            run + "-second",
                            dir,
                            JavaProcess.freePort(),
                            JavaProcess.freePort(),
                            JavaProcess.freePort())) {
                assertThat(second.awaitExit(Duration.ofMinutes(2))).isNotZero();
                String out = second.output();
                assertThat(out)
                        .contains(
                                "Another hub (pid "
                                        + first.pid()
                                        + ") is running on the data directory "
                                        + dir)
                        .doesNotContain("\tat ", "failed to bind", "Embedded Kafka broker");
            }
            HubInstance.awaitUp(first, http, Duration.ofSeconds(30));
            String eventId = UUID.randomUUID().toString();
            String servers = "127.0.0.1:" + kafka;
            Records.send(
                    servers,
                    "dubu.events.v1",
                    null,
                    Files.readString(
                                    Path.of(
                                            "../connectors/dubu/src/test/resources/fixtures/valid/handleplan-contract-example.native.xml"))
                            .replace("3f2b8a4e-6c1d-4e0a-9b7a-2d5c1e9f0a11", eventId)
                            .getBytes(StandardCharsets.UTF_8));
            Records.awaitContaining(servers, "canonical.handleplan.v1", eventId);
        }
    }
}
