package dk.youthhub.hub.support;

import dk.youthhub.hub.HubApplication;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole hub on the shared real broker, with its own topic names and consumer groups. All
 * integration tests extending this share one Spring context; each identifies its records by its own
 * event ids.
 */
@ExtendWith(SharedKafkaExtension.class)
@CamelSpringBootTest
@SpringBootTest(
        classes = HubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.data-dir=target/it-data",
            "hub.topics.dubu-events=it.dubu.events.v1",
            "hub.topics.dhuv-events=it.dhuv.events.v1",
            "hub.topics.jobcenter-events=it.jobcenter.events.v1",
            "hub.topics.canonical-handleplan=it.canonical.handleplan.v1",
            "hub.topics.canonical-jobplan=it.canonical.jobplan.v1",
            "hub.topics.canonical-assessment=it.canonical.assessment.v1",
            "hub.topics.canonical-consent=it.canonical.consent.v1",
            "hub.topics.canonical-education-status=it.canonical.education-status.v1",
            "hub.topics.dubu-deliveries=it.dubu.deliveries.v1",
            "hub.topics.dhuv-deliveries=it.dhuv.deliveries.v1",
            "hub.topics.jobcenter-deliveries=it.jobcenter.deliveries.v1",
            "hub.topics.uu-deliveries=it.uu.deliveries.v1",
            "hub.topics.dead-letter=it.hub.deadletter.v1",
            "hub.topics.held=it.hub.held.v1",
            "hub.topics.audit=it.hub.audit.v1",
            "hub.topics.partitions=3",
            "hub.kafka.group-prefix=it",
            "hub.stage.poll-timeout-ms=100",
            "hub.pseudonym-secret=integration-test-secret-0123456789abcdef",
            "hub.security.tokens.jobcenter=" + HubIT.JOBCENTER_TOKEN,
            "hub.security.tokens.dubu=" + HubIT.DUBU_TOKEN,
            "hub.security.tokens.admin=" + HubIT.ADMIN_TOKEN,
            "hub.jobcenter.delivery-token=" + HubIT.HUB_TO_JOBCENTER_TOKEN,
            "hub.jobcenter.timeout-ms=2000",
            "hub.jobcenter.max-attempts=5",
            "hub.jobcenter.max-backoff-ms=200",
            "hub.jobcenter.max-retry-after-ms=3000",
            "hub.jobcenter.breaker-failure-threshold=5",
            "hub.jobcenter.breaker-open-ms=1500",
            "hub.stage.max-retry-backoff-ms=500"
        })
public abstract class HubIT {
    public static final String JOBCENTER_TOKEN = "it-jobcenter-token-0123456789abcdef";
    public static final String DUBU_TOKEN = "it-dubu-token-0123456789abcdef01";
    public static final String ADMIN_TOKEN = "it-admin-token-0123456789abcdef0";
    public static final String HUB_TO_JOBCENTER_TOKEN = "it-hub-to-jobcenter-token-0123456789";

    protected final String servers = SharedKafka.bootstrapServers();
}
