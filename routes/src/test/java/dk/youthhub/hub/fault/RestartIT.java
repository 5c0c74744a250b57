package dk.youthhub.hub.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.support.JavaProcess;
import dk.youthhub.hub.support.Records;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A restart of the hub as a newcomer runs it (the embedded default): once readiness says ready, a
 * new document reaches its recipient within seconds, not after a consumer-group session timeout.
 * The bound, 10 s from sending to delivery, is documented in the operations guide.
 */
class RestartIT {
    private static final Duration FIRST_DELIVERY_AFTER_READY = Duration.ofSeconds(10);

    @Test
    void afterARestartTheFirstDeliveryFollowsReadinessWithinSeconds() throws Exception {
        String run = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of("target", "fault", run).toAbsolutePath();
        int kafka = JavaProcess.freePort();
        int controller = JavaProcess.freePort();
        int http = JavaProcess.freePort();
        String servers = "127.0.0.1:" + kafka;
        SequencedInput input = new SequencedInput();
        byte[] key = SequencedInput.key(1);
        try (JavaProcess hub = HubInstance.embedded(run + "-1", dir, kafka, controller, http)) {
            HubInstance.awaitReady(hub, http, Duration.ofMinutes(3));
            Records.sendRecords(
                    servers,
                    List.of(
                            new ProducerRecord<>("dhuv.events.v1", key, input.consent(1)),
                            new ProducerRecord<>("dhuv.events.v1", key, input.plan(1, 1))));
            Records.awaitContaining(servers, "dubu.deliveries.v1", input.planId(1, 1));
            hub.stop();
        }
        try (JavaProcess hub = HubInstance.embedded(run + "-2", dir, kafka, controller, http)) {
            HubInstance.awaitReady(hub, http, Duration.ofMinutes(3));
            long sent = System.nanoTime();
            Records.send(servers, "dhuv.events.v1", key, input.plan(1, 2));
            Records.awaitContaining(servers, "dubu.deliveries.v1", input.planId(1, 2));
            assertThat(Duration.ofNanos(System.nanoTime() - sent))
                    .isLessThan(FIRST_DELIVERY_AFTER_READY);
        }
    }
}
