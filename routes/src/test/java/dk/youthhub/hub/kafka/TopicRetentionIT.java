package dk.youthhub.hub.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.support.HubIT;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** The hub creates its topics with the retention the contract gives each kind, on the broker. */
class TopicRetentionIT extends HubIT {

    @Test
    void topicsAreCreatedWithTheirRetention() throws Exception {
        Map<String, Duration> expected =
                Map.of(
                        "it.hub.audit.v1", Duration.ofDays(3650),
                        "it.hub.held.v1", Duration.ofDays(31),
                        "it.canonical.jobplan.v1", Duration.ofDays(30),
                        "it.uu.events.v1", Duration.ofDays(30),
                        "it.uu.deliveries.v1", Duration.ofDays(14));
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            Map<String, Long> actual =
                    admin
                            .describeConfigs(
                                    expected.keySet().stream()
                                            .map(
                                                    t ->
                                                            new ConfigResource(
                                                                    ConfigResource.Type.TOPIC, t))
                                            .toList())
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .entrySet()
                            .stream()
                            .collect(
                                    Collectors.toMap(
                                            e -> e.getKey().name(),
                                            e ->
                                                    Long.parseLong(
                                                            e.getValue()
                                                                    .get(
                                                                            TopicConfig
                                                                                    .RETENTION_MS_CONFIG)
                                                                    .value())));
            expected.forEach(
                    (topic, retention) ->
                            assertThat(actual.get(topic))
                                    .as(topic)
                                    .isEqualTo(retention.toMillis()));
        }
        assertThat(
                        TopicInitializer.shorterThanWanted(
                                Map.of("a", Duration.ofDays(7).toMillis(), "b", -1L, "c", 1L),
                                Map.of(
                                        "a", Duration.ofDays(30),
                                        "b", Duration.ofDays(30),
                                        "c", Duration.ofMillis(1))))
                .singleElement()
                .asString()
                .startsWith("Topic a keeps records for PT168H, less than the configured PT720H");
    }
}
