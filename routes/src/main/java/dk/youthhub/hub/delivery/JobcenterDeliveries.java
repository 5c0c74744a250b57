package dk.youthhub.hub.delivery;

import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * {@code jobcenter.deliveries.v1} to the job centre's HTTP API, as stage {@code jobcenter-delivery}
 * ({@link DeliveryStage} with {@link JobcenterDelivery}). Off while {@code HUB_JOBCENTER_BASE_URL}
 * is not set: deliveries then wait on their topic.
 */
@Component
public class JobcenterDeliveries implements SmartLifecycle {
    public static final String STAGE_ID = "jobcenter-delivery";
    static final String DEVELOPMENT_TOKEN = "dev-token-hub-to-jobcenter";
    private static final Logger LOG = LoggerFactory.getLogger(JobcenterDeliveries.class);

    private final CircuitBreaker breaker;
    private final JobcenterDelivery delivery;
    private final DeliveryStage stage;

    public JobcenterDeliveries(
            HubProperties props,
            KafkaClients clients,
            DeadLetters deadLetters,
            Topics topics,
            Clock clock) {
        HubProperties.Jobcenter j = props.jobcenter();
        this.breaker = new CircuitBreaker(j.breakerFailureThreshold(), j.breakerOpenMs(), clock);
        if (j.baseUrl() == null || j.baseUrl().isBlank()) {
            LOG.info(
                    "HUB_JOBCENTER_BASE_URL is not set: job-centre deliveries wait on their topic");
            this.delivery = null;
            this.stage = null;
            return;
        }
        this.delivery = new JobcenterDelivery(j, token(props), breaker, clock);
        this.stage =
                new DeliveryStage(
                        new DeliveryStage.Settings(
                                STAGE_ID,
                                JobcenterDelivery.RECIPIENT,
                                topics.deliveries(SourceSystem.JOBCENTER),
                                j.maxBatch(),
                                j.concurrency(),
                                props.stage().pollTimeoutMs(),
                                props.stage().maxRetryBackoffMs(),
                                j.timeoutMs() + 1000L),
                        delivery,
                        clients,
                        deadLetters);
    }

    /** The job centre's circuit, for health details and tests. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    /** The stage's state, {@code OFF} without a base URL. */
    public String state() {
        return stage == null ? "OFF" : stage.state();
    }

    /** What is wrong with the job-centre delivery settings; empty when nothing. */
    public static List<String> problems(HubProperties props) {
        HubProperties.Jobcenter j = props.jobcenter();
        boolean delivering = j.baseUrl() != null && !j.baseUrl().isBlank();
        boolean tokenless = j.deliveryToken() == null || j.deliveryToken().isBlank();
        return delivering && tokenless && !props.kafka().embedded().enabled()
                ? List.of("HUB_JOBCENTER_DELIVERY_TOKEN must be set with HUB_JOBCENTER_BASE_URL")
                : List.of();
    }

    private static String token(HubProperties props) {
        List<String> problems = problems(props);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        String token = props.jobcenter().deliveryToken();
        if (token != null && !token.isBlank()) {
            return token;
        }
        LOG.warn("HUB_JOBCENTER_DELIVERY_TOKEN is not set: using the documented development token");
        return DEVELOPMENT_TOKEN;
    }

    @Override
    public void start() {
        if (stage != null) {
            stage.start();
        }
    }

    @Override
    public void stop() {
        if (stage != null) {
            stage.stop();
            try {
                delivery.close();
            } catch (IOException e) {
                LOG.debug("closing the job centre's HTTP client", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return stage != null && stage.isRunning();
    }
}
