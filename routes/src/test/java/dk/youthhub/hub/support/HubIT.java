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
// metrics are exported as in production (Spring Boot's tests switch exporters off by default)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@SpringBootTest(
        classes = HubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.data-dir=target/it-data",
            "hub.topics.prefix=it.",
            "hub.topics.partitions=3",
            "hub.kafka.group-prefix=it",
            "hub.stage.poll-timeout-ms=100",
            "hub.pseudonym-secret=integration-test-secret-0123456789abcdef",
            "hub.audit.key=integration-test-audit-key-0123456789abcdef",
            "hub.systems.jobcenter.token=" + HubIT.JOBCENTER_TOKEN,
            "hub.systems.dubu.token=" + HubIT.DUBU_TOKEN,
            "hub.security.tokens.admin=" + HubIT.ADMIN_TOKEN,
            "hub.security.tokens.leader=" + HubIT.LEADER_TOKEN,
            "hub.security.tokens.metrics=" + HubIT.METRICS_TOKEN,
            "hub.coordinators.nord.token=" + HubIT.NORD_TOKEN,
            "hub.coordinators.nord.kommuner=607,157",
            "hub.coordinators.nord.system=jobcenter",
            "hub.coordinators.syd.token=" + HubIT.SYD_TOKEN,
            "hub.coordinators.syd.kommuner=101",
            "hub.coordinators.syd.system=dubu",
            "hub.coordinators.rate.token=" + HubIT.RATE_TOKEN,
            "hub.coordinators.rate.kommuner=999",
            "hub.coordinators.rate.system=uu",
            "hub.systems.jobcenter.http-delivery.token=" + HubIT.HUB_TO_JOBCENTER_TOKEN,
            "hub.systems.jobcenter.http-delivery.timeout-ms=2000",
            "hub.systems.jobcenter.http-delivery.max-attempts=5",
            "hub.systems.jobcenter.http-delivery.max-backoff-ms=200",
            "hub.systems.jobcenter.http-delivery.max-retry-after-ms=3000",
            "hub.systems.jobcenter.http-delivery.breaker-failure-threshold=5",
            "hub.systems.jobcenter.http-delivery.breaker-open-ms=1500",
            "hub.systems.uu.file-drop.poll-interval=200ms",
            "hub.receipts.timeout=8s",
            "hub.receipts.check-interval=1s",
            // the ITs share this context and 127.0.0.1: one's deliberate 401s must not block the
            // next one's logins (the limit itself: AbuseLimitsTest)
            "hub.limits.failed-auth-per-minute=1000",
            "hub.stage.max-retry-backoff-ms=500"
        })
public abstract class HubIT {
    public static final String JOBCENTER_TOKEN = "it-jobcenter-token-0123456789abcdef";
    public static final String DUBU_TOKEN = "it-dubu-token-0123456789abcdef01";
    public static final String ADMIN_TOKEN = "it-admin-token-0123456789abcdef0";
    public static final String HUB_TO_JOBCENTER_TOKEN = "it-hub-to-jobcenter-token-0123456789";
    public static final String LEADER_TOKEN = "it-leader-token-0123456789abcdef";
    public static final String METRICS_TOKEN = "it-metrics-token-0123456789abcdef";
    public static final String NORD_TOKEN = "it-coordinator-nord-0123456789abcdef";
    public static final String SYD_TOKEN = "it-coordinator-syd-0123456789abcdef0";

    /** A coordinator only the rate-limit test uses, so its empty bucket slows no other test. */
    public static final String RATE_TOKEN = "it-coordinator-rate-0123456789abcdef";

    /** {@code /actuator/health} with its details, which only the admin's token sees. */
    public static org.springframework.http.ResponseEntity<String> adminHealth(
            org.springframework.boot.test.web.client.TestRestTemplate http) {
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.setBearerAuth(ADMIN_TOKEN);
        return http.exchange(
                "/actuator/health",
                org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(h),
                String.class);
    }

    protected final String servers = SharedKafka.bootstrapServers();
}
