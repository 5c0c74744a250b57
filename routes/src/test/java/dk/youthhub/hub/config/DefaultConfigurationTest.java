package dk.youthhub.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.support.TestProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped defaults are the contract's, and the Kafka mode follows KAFKA_BOOTSTRAP_SERVERS. */
class DefaultConfigurationTest {

    @Test
    void defaultTopicNamesAreExactlyTheContractsAndSixPartitions() throws Exception {
        HubProperties props = bind(Map.of());
        assertThat(new Topics(props).all())
                .containsExactlyInAnyOrder(
                        "dubu.events.v1",
                        "dhuv.events.v1",
                        "jobcenter.events.v1",
                        "canonical.handleplan.v1",
                        "canonical.jobplan.v1",
                        "canonical.assessment.v1",
                        "canonical.education-status.v1",
                        "canonical.consent.v1",
                        "dubu.deliveries.v1",
                        "dhuv.deliveries.v1",
                        "jobcenter.deliveries.v1",
                        "uu.deliveries.v1",
                        "hub.deadletter.v1",
                        "hub.held.v1",
                        "hub.audit.v1");
        assertThat(props.topics().partitions()).isEqualTo(6);
        assertThat(props.limits().maxPayloadBytes()).isEqualTo(512 * 1024);
    }

    @Test
    void withoutBootstrapServersTheEmbeddedBrokerIsOnAtItsDefaultAddress() throws Exception {
        HubProperties props = bind(Map.of());
        assertThat(props.kafka().embedded().enabled()).isTrue();
        assertThat(props.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(props.dataDir().normalize()).isEqualTo(java.nio.file.Path.of("data"));
    }

    @Test
    void withKafkaBootstrapServersNoBrokerStarts() throws Exception {
        HubProperties props = bind(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092"));
        assertThat(props.kafka().embedded().enabled()).isFalse();
        assertThat(props.kafka().bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
    }

    private static HubProperties bind(Map<String, Object> env) {
        return TestProps.bind(env);
    }

    @Test
    void theInstanceIdDefaultsToSomethingUnique() throws Exception {
        assertThat(List.of(bind(Map.of()).instanceId(), bind(Map.of()).instanceId()))
                .doesNotHaveDuplicates();
    }
}
