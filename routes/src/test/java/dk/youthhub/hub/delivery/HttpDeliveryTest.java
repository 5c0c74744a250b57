package dk.youthhub.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.connector.ErrorCode;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.kafka.CloudEvents;
import dk.youthhub.hub.support.TestProps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Inputs the job centre is never called for, and the idempotency key. */
class HttpDeliveryTest {
    private final HubProperties props =
            TestProps.bind(
                    Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS",
                            "x:9092",
                            "HUB_JOBCENTER_BASE_URL",
                            "http://127.0.0.1:1"));

    @Test
    void aDeliveryWithoutItsCeIdFailsForItsRecipientWithoutACall() throws Exception {
        CircuitBreaker breaker = new CircuitBreaker(1, 60_000, Clock.systemUTC());
        try (HttpDelivery delivery =
                new HttpDelivery(
                        "jobcenter",
                        "/api/v1/hub-deliveries",
                        "application/json",
                        props.systems().get("jobcenter").httpDelivery(),
                        "token",
                        breaker,
                        Clock.systemUTC(),
                        ceId -> java.util.Optional.empty(),
                        outcome -> {})) {
            Deliverer.Result r = delivery.deliver(record("{}", new RecordHeaders()));
            assertThat(r).isInstanceOf(Deliverer.Failed.class);
            Deliverer.Failed f = (Deliverer.Failed) r;
            assertThat(f.reason().code()).isEqualTo(ErrorCode.SCHEMA_VIOLATION);
            assertThat(f.reason().target()).isEqualTo("jobcenter");
            assertThat(breaker.timesOpened()).as("no call was made").isZero();
        }
    }

    @Test
    void aWithdrawnDeliveryIsNotSentAndNamesWhy() throws Exception {
        CircuitBreaker breaker = new CircuitBreaker(1, 60_000, Clock.systemUTC());
        String ceId = CloudEvents.deliveryId("jobcenter", "dubu:handleplan:P-1", 3);
        try (HttpDelivery delivery =
                new HttpDelivery(
                        "jobcenter",
                        "/api/v1/hub-deliveries",
                        "application/json",
                        props.systems().get("jobcenter").httpDelivery(),
                        "token",
                        breaker,
                        Clock.systemUTC(),
                        id ->
                                id.equals(ceId)
                                        ? java.util.Optional.of("CONSENT_REVOKED")
                                        : java.util.Optional.empty(),
                        outcome -> {})) {
            RecordHeaders h = new RecordHeaders();
            h.add(CloudEvents.ID, ceId.getBytes(StandardCharsets.UTF_8));
            assertThat(delivery.deliver(record("{}", h)))
                    .isEqualTo(new Deliverer.Withdrawn("CONSENT_REVOKED"));
            assertThat(breaker.timesOpened())
                    .as("no call to the unreachable job centre was made")
                    .isZero();
        }
    }

    @Test
    void theIdempotencyKeyIsTheDeliverysCeIdTheContractsNameBasedUuid() throws Exception {
        RecordHeaders h = new RecordHeaders();
        String ceId = CloudEvents.deliveryId("jobcenter", "dubu:handleplan:P-1", 3);
        h.add(CloudEvents.ID, ceId.getBytes(StandardCharsets.UTF_8));
        assertThat(HttpDelivery.idempotencyKey(record("{}", h)))
                .isEqualTo(ceId)
                .isEqualTo(
                        java.util
                                .UUID
                                .nameUUIDFromBytes(
                                        "jobcenter|dubu:handleplan:P-1|3"
                                                .getBytes(StandardCharsets.UTF_8))
                                .toString());
    }

    private static ConsumerRecord<byte[], byte[]> record(String value, RecordHeaders headers) {
        return new ConsumerRecord<>(
                "jobcenter.deliveries.v1",
                0,
                1,
                1L,
                TimestampType.CREATE_TIME,
                -1,
                value.length(),
                null,
                value.getBytes(StandardCharsets.UTF_8),
                headers,
                Optional.empty());
    }
}
