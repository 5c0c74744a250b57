package dk.youthhub.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.stage.InboundRecord;
import dk.youthhub.hub.support.TestProps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Inputs the job centre is never called for. */
class JobcenterDeliveryTest {
    private final HubProperties props =
            TestProps.bind(
                    Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS",
                            "x:9092",
                            "HUB_JOBCENTER_BASE_URL",
                            "http://127.0.0.1:1"));
    private final Topics topics = new Topics(props);

    @Test
    void anUnreadableDeliveryIsDeadLetteredMalformedWithoutACall() throws Exception {
        assertThat(code(delivery().transform(record("{not json".getBytes(StandardCharsets.UTF_8)))))
                .isEqualTo("MALFORMED");
    }

    @Test
    void aDefectIsDeadLetteredProcessingFailedNotRetriedForever() throws Exception {
        // a defect stands in as a missing circuit breaker: the first call fails with an NPE
        JobcenterDelivery broken =
                new JobcenterDelivery(
                        props.jobcenter(),
                        "token",
                        null,
                        new DeadLetters(topics, java.time.Clock.systemUTC()));
        byte[] delivery = "{\"documentId\":\"d\",\"version\":1}".getBytes(StandardCharsets.UTF_8);
        List<ProducerRecord<byte[], byte[]>> out = broken.transform(record(delivery));
        assertThat(code(out)).isEqualTo("PROCESSING_FAILED");
        assertThat(out.get(0).value()).isEqualTo(delivery);
    }

    private JobcenterDelivery delivery() {
        return new JobcenterDelivery(
                props.jobcenter(),
                "token",
                new CircuitBreaker(5, 1000, Clock.systemUTC()),
                new DeadLetters(topics, java.time.Clock.systemUTC()));
    }

    private static InboundRecord record(byte[] value) {
        return new InboundRecord(
                "jobcenter.deliveries.v1", 0, 1, 1L, null, value, new RecordHeaders());
    }

    private static String code(List<ProducerRecord<byte[], byte[]>> out) {
        assertThat(out)
                .hasSize(2)
                .extracting(ProducerRecord::topic)
                .containsExactly("hub.deadletter.v1", "hub.audit.v1");
        return new String(
                out.get(0).headers().lastHeader(DeadLetters.ERROR_CODE).value(),
                StandardCharsets.UTF_8);
    }
}
