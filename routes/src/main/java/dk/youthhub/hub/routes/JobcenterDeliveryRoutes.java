package dk.youthhub.hub.routes;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.delivery.CircuitBreaker;
import dk.youthhub.hub.delivery.JobcenterDelivery;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.stage.StageEndpoints;
import dk.youthhub.hub.stage.TransactionalStage;
import java.time.Clock;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code jobcenter.deliveries.v1} to the job centre's HTTP API, as route {@code
 * jobcenter-delivery}. Each batch's offsets (and any dead letters) are committed once every
 * delivery in it is final, so a delivery is never lost; the {@code Idempotency-Key} makes a repeat
 * after a crash harmless. Off while {@code HUB_JOBCENTER_BASE_URL} is not set.
 */
@Component
public class JobcenterDeliveryRoutes extends RouteBuilder {
    public static final String ROUTE_ID = "jobcenter-delivery";
    static final String DEVELOPMENT_TOKEN = "dev-token-hub-to-jobcenter";
    private static final Logger LOG = LoggerFactory.getLogger(JobcenterDeliveryRoutes.class);

    private final HubProperties props;
    private final KafkaClients clients;
    private final DeadLetters deadLetters;
    private final CircuitBreaker breaker;

    public JobcenterDeliveryRoutes(
            HubProperties props, KafkaClients clients, DeadLetters deadLetters) {
        this.props = props;
        this.clients = clients;
        this.deadLetters = deadLetters;
        HubProperties.Jobcenter j = props.jobcenter();
        this.breaker =
                new CircuitBreaker(
                        j.breakerFailureThreshold(), j.breakerOpenMs(), Clock.systemUTC());
    }

    /** The job centre's circuit, for health details and tests. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public void configure() throws Exception {
        HubProperties.Jobcenter j = props.jobcenter();
        if (j.baseUrl() == null || j.baseUrl().isBlank()) {
            LOG.info(
                    "HUB_JOBCENTER_BASE_URL is not set: job-centre deliveries wait on their topic");
            return;
        }
        TransactionalStage stage =
                new TransactionalStage(
                        ROUTE_ID,
                        new JobcenterDelivery(j, token(j), breaker, deadLetters),
                        clients,
                        props.stage().maxRetryBackoffMs());
        getCamelContext().addService(stage);
        from(StageEndpoints.batchInput(
                        "hub.topics.jobcenter-deliveries", ROUTE_ID, "hub.jobcenter.max-batch"))
                .routeId(ROUTE_ID)
                .routeConfigurationId(StageRouteConfiguration.ID)
                .process(stage);
    }

    private String token(HubProperties.Jobcenter j) {
        if (j.deliveryToken() != null && !j.deliveryToken().isBlank()) {
            return j.deliveryToken();
        }
        if (!props.kafka().embedded().enabled()) {
            throw new IllegalStateException(
                    "HUB_JOBCENTER_DELIVERY_TOKEN must be set with HUB_JOBCENTER_BASE_URL");
        }
        LOG.warn("HUB_JOBCENTER_DELIVERY_TOKEN is not set: using the documented development token");
        return DEVELOPMENT_TOKEN;
    }
}
