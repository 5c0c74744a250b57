package dk.youthhub.hub.fault;

import dk.youthhub.hub.support.JavaProcess;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.tools.KafkaTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The broker (a {@code KafkaRaftServer} in a process of its own) is killed with {@code kill -9}
 * while the hub works through a backlog, and started again on its log. Oracle: every document once
 * on the canonical topic and once among the deliveries, in each young person's order.
 */
class BrokerOutageFaultIT {
    private static final int PEOPLE = 20;
    private static final int PLANS = 200;

    @Test
    void aBrokerKilledAndRestartedUnderLoadLosesAndDoublesNothing() throws Exception {
        String ns = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        Path data = Path.of("target", "fault", ns);
        int port = JavaProcess.freePort();
        int controllerPort = JavaProcess.freePort();
        String servers = "127.0.0.1:" + port;
        List<String> brokerArgs =
                List.of(
                        data.resolve("broker").toAbsolutePath().toString(),
                        String.valueOf(port),
                        String.valueOf(controllerPort));
        SequencedInput input = new SequencedInput();
        String events = HubInstance.topic(ns, "dhuv-events");
        String deliveries = HubInstance.topic(ns, "jobcenter-deliveries");
        JavaProcess broker =
                JavaProcess.start(ns + "-broker-1", BrokerMain.class, Map.of(), brokerArgs);
        try (HubInstance hub =
                HubInstance.start("solo", servers, ns, data.resolve("hub"), List.of())) {
            awaitBroker(servers);
            hub.awaitUp(Duration.ofMinutes(3));
            Records.sendRecords(servers, input.records(events, PEOPLE, 1, PLANS / 2, true));
            input.awaitOnTopic(servers, deliveries, PEOPLE * PLANS / 8, Duration.ofMinutes(3));

            broker.kill();
            broker = JavaProcess.start(ns + "-broker-2", BrokerMain.class, Map.of(), brokerArgs);
            awaitBroker(servers);
            Records.sendRecords(
                    servers, input.records(events, PEOPLE, PLANS / 2 + 1, PLANS, false));
            input.awaitOnTopic(servers, deliveries, PEOPLE * PLANS, Duration.ofMinutes(5));
            hub.awaitUp(Duration.ofMinutes(1));
            hub.stop();

            input.assertAllOnceInOrder(servers, ns, PEOPLE, PLANS);
        } finally {
            broker.close();
        }
    }

    private static void awaitBroker(String servers) {
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> KafkaTool.reachable(servers));
    }
}
