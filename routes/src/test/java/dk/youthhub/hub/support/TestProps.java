package dk.youthhub.hub.support;

import dk.youthhub.hub.config.HubProperties;
import java.nio.file.Path;
import java.util.Map;

/** Hub settings for tests that build parts of the hub without Spring. */
public final class TestProps {

    private TestProps() {}

    public static HubProperties hub(String bootstrapServers, boolean embedded, String secret) {
        return new HubProperties(
                Path.of("target/test-data"),
                "test-instance",
                secret,
                new HubProperties.Kafka(
                        bootstrapServers,
                        "test",
                        Map.of(),
                        new HubProperties.Embedded(embedded, "127.0.0.1", 9092, 9093),
                        30000),
                new HubProperties.Topics(
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
                        "hub.audit.v1",
                        6,
                        (short) -1),
                new HubProperties.Limits(512 * 1024),
                new HubProperties.Stage(500, 100, 1, 1000),
                new HubProperties.Security(Map.of()));
    }
}
