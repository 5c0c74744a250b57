package dk.youthhub.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.support.TestProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped defaults are the contract's, and the Kafka mode follows KAFKA_BOOTSTRAP_SERVERS. */
class DefaultConfigurationTest {

    @Test
    void defaultTopicNamesAreExactlyTheContractsAndSixPartitions() throws Exception {
        HubProperties props = bind(Map.of());
        assertThat(TestProps.topics(props).all())
                .containsExactlyInAnyOrder(
                        "dubu.events.v1",
                        "dhuv.events.v1",
                        "jobcenter.events.v1",
                        "uu.events.v1",
                        "canonical.handleplan.v1",
                        "canonical.jobplan.v1",
                        "canonical.assessment.v1",
                        "canonical.education-status.v1",
                        "canonical.consent.v1",
                        "canonical.meeting.v1",
                        "canonical.goal-agreement.v1",
                        "canonical.milestone.v1",
                        "dubu.deliveries.v1",
                        "dhuv.deliveries.v1",
                        "jobcenter.deliveries.v1",
                        "uu.deliveries.v1",
                        "hub.deadletter.v1",
                        "hub.held.v1",
                        "hub.audit.v1",
                        "hub.notices.v1",
                        "hub.withdrawals.v1",
                        "hub.registrations.v1",
                        "hub.meetings.v1",
                        "dubu.receipts.v1",
                        "dhuv.receipts.v1",
                        "hub.dispatches.v1",
                        "dubu.outcomes.v1",
                        "dhuv.outcomes.v1",
                        "jobcenter.outcomes.v1",
                        "uu.outcomes.v1",
                        "hub.unacknowledged.v1",
                        "hub.pseudonym-links.v1");
        assertThat(props.topics().partitions()).isEqualTo(6);
        assertThat(props.limits().maxPayloadBytes()).isEqualTo(512 * 1024);
    }

    @Test
    void everySystemTakesTheEnvironmentVariablesTheContractNames() {
        HubProperties props =
                bind(
                        Map.of(
                                "HUB_DATA_DIR", "/srv/hub",
                                "HUB_TOKEN_DUBU", "dubu-token",
                                "HUB_JOBCENTER_BASE_URL", "https://jobcenter.example",
                                "HUB_JOBCENTER_DELIVERY_TOKEN", "to-jobcenter",
                                "hub.jobcenter.max-outage", "5d"));
        assertThat(props.systems()).containsOnlyKeys("dubu", "dhuv", "jobcenter", "uu");
        assertThat(props.systems().get("dubu").token()).isEqualTo("dubu-token");
        HubProperties.HttpDelivery jobcenter = props.systems().get("jobcenter").httpDelivery();
        assertThat(jobcenter.baseUrl()).isEqualTo("https://jobcenter.example");
        assertThat(jobcenter.token()).isEqualTo("to-jobcenter");
        assertThat(jobcenter.maxOutage()).isEqualTo(java.time.Duration.ofDays(5));
        assertThat(jobcenter.maxAttempts()).as("a default").isEqualTo(5);
        assertThat(props.systems().get("uu").fileDrop().inbox())
                .isEqualTo(java.nio.file.Path.of("/srv/hub/uu-inbox"));
        assertThat(bind(Map.of("HUB_UU_INBOX", "/drop/uu")).systems().get("uu").fileDrop().inbox())
                .isEqualTo(java.nio.file.Path.of("/drop/uu"));
    }

    @Test
    void aPrefixGoesBeforeEveryTopicNameAndASystemsOwnNamesOverrideTheConvention() {
        HubProperties props =
                bind(
                        Map.of(
                                "hub.topics.prefix", "k101.",
                                "hub.systems.dhuv.topics.events", "dhuv-native"));
        assertThat(TestProps.topics(props).all())
                .allMatch(t -> t.startsWith("k101."))
                .contains("k101.dhuv-native", "k101.dubu.events.v1", "k101.hub.audit.v1")
                .doesNotContain("k101.dhuv.events.v1");
    }

    @Test
    void heldDocumentsAndDeliveriesAreKeptAtLeastAsLongAsTheyMayWait() {
        var retentions =
                TestProps.topics(
                                bind(
                                        Map.of(
                                                "hub.core.held-retention", "60d",
                                                "hub.jobcenter.max-outage", "10d")))
                        .retentions();
        assertThat(retentions.get("hub.held.v1"))
                .isEqualTo(java.time.Duration.ofDays(60).plusHours(1));
        assertThat(retentions.get("jobcenter.deliveries.v1"))
                .isEqualTo(java.time.Duration.ofDays(20));
        assertThat(retentions.get("dubu.deliveries.v1")).isEqualTo(java.time.Duration.ofDays(14));
        assertThat(retentions.get("hub.audit.v1")).isEqualTo(java.time.Duration.ofDays(3650));
        assertThat(retentions.keySet())
                .containsExactlyInAnyOrderElementsOf(TestProps.topics(bind(Map.of())).all());
    }

    @Test
    void aSystemSwitchedOffHasNoTopicsAndReceivesNothing() {
        HubProperties props = bind(Map.of("hub.systems.uu.enabled", "false"));
        assertThat(TestProps.topics(props).all()).noneMatch(t -> t.startsWith("uu."));
        assertThat(TestProps.systems(props).routingPolicy().targets().keySet())
                .extracting(dk.youthhub.canonical.SourceSystem::id)
                .containsExactly("dhuv", "dubu", "jobcenter");
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
