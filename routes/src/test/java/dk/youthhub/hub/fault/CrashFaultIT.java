package dk.youthhub.hub.fault;

import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two hub instances share the work; one is killed with {@code kill -9} in the middle of 10,000
 * documents and restarted on its own data. Oracle: every document once on the canonical topic and
 * once among the deliveries, for a {@code read_committed} reader, in each young person's order.
 */
class CrashFaultIT {
    private static final int PEOPLE = 50;
    private static final int PLANS = 200;
    private static final Duration START = Duration.ofMinutes(3);

    private final String servers = SharedKafka.bootstrapServers();

    @Test
    void aKilledInstanceLosesNothingDoublesNothingAndKeepsEachYoungPersonsOrder() throws Exception {
        String ns = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        Path data = Path.of("target", "fault", ns);
        SequencedInput input = new SequencedInput();
        String deliveries = HubInstance.topic(ns, "jobcenter-deliveries");
        try (HubInstance a = HubInstance.start("a", servers, ns, data.resolve("a"), List.of());
                HubInstance b = HubInstance.start("b", servers, ns, data.resolve("b"), List.of())) {
            a.awaitUp(START);
            b.awaitUp(START);
            Records.sendRecords(
                    servers,
                    input.records(HubInstance.topic(ns, "dhuv-events"), PEOPLE, 1, PLANS, true));

            input.awaitOnTopic(servers, deliveries, PEOPLE * PLANS * 3 / 10, Duration.ofMinutes(3));
            a.kill();
            try (HubInstance again =
                    HubInstance.start("a", servers, ns, data.resolve("a"), List.of())) {
                again.awaitUp(START);
                input.awaitOnTopic(servers, deliveries, PEOPLE * PLANS, Duration.ofMinutes(5));
                again.stop();
            }
            b.stop();
        }
        input.assertAllOnceInOrder(servers, ns, PEOPLE, PLANS);
    }
}
