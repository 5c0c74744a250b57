package dk.youthhub.hub.fault;

import dk.youthhub.hub.support.JavaProcess;
import dk.youthhub.hub.support.Records;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded default killed with {@code kill -9}, its broker with it, in the middle of 2,000
 * documents, and started again on its data directory, under either flush setting of the broker:
 * what the broker acknowledged is in the OS's page cache, which outlives the process. Oracle: every
 * document once on the canonical topic and once among the deliveries, for a {@code read_committed}
 * reader, in each young person's order, no dead letter.
 */
class EmbeddedCrashIT {
    private static final int PEOPLE = 20;
    private static final int PLANS = 100;
    private static final Duration START = Duration.ofMinutes(3);

    @ParameterizedTest(name = "flush-every-message={0}")
    @ValueSource(booleans = {true, false})
    void aKilledHubWithItsBrokerLosesNothingDoublesNothingAndKeepsOrder(boolean flush)
            throws Exception {
        String ns = "embedded-crash-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of("target", "fault", ns).toAbsolutePath();
        int kafka = JavaProcess.freePort();
        int controller = JavaProcess.freePort();
        int http = JavaProcess.freePort();
        String servers = "127.0.0.1:" + kafka;
        String[] args = {
            "--hub.topics.prefix=" + ns + ".",
            "--hub.kafka.embedded.flush-every-message=" + flush,
            "--hub.stage.poll-timeout-ms=100"
        };
        SequencedInput input = new SequencedInput();
        String deliveries = HubInstance.topic(ns, "jobcenter-deliveries");
        try (JavaProcess hub =
                HubInstance.embedded(ns + "-1", dir, kafka, controller, http, args)) {
            HubInstance.awaitReady(hub, http, START);
            Records.sendRecords(
                    servers,
                    input.records(HubInstance.topic(ns, "dhuv-events"), PEOPLE, 1, PLANS, true));
            input.awaitOnTopic(servers, deliveries, PEOPLE * PLANS * 3 / 10, START);
            hub.kill();
        }
        try (JavaProcess hub =
                HubInstance.embedded(ns + "-2", dir, kafka, controller, http, args)) {
            HubInstance.awaitReady(hub, http, START);
            input.awaitOnTopic(servers, deliveries, PEOPLE * PLANS, Duration.ofMinutes(5));
            input.assertAllOnceInOrder(servers, ns, PEOPLE, PLANS);
        }
    }
}
