package dk.youthhub.hub.health;

import dk.youthhub.hub.delivery.HttpDeliveries;
import dk.youthhub.hub.ingest.IngestStreams;
import dk.youthhub.hub.receipts.ReceiptsStreams;
import dk.youthhub.hub.streams.CoreStreams;
import java.util.Set;
import org.springframework.boot.actuate.availability.ReadinessStateHealthIndicator;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * Readiness that means ready: the application has started and every stage is processing (the Kafka
 * Streams stages {@code RUNNING}, not still restoring or rebalancing after a start; the delivery
 * stage running). Until then {@code /actuator/health/readiness} answers {@code OUT_OF_SERVICE};
 * liveness ({@code /actuator/health/liveness}) stays apart from it.
 */
@Component("readinessStateHealthIndicator")
public class StagesReadiness extends ReadinessStateHealthIndicator {
    private static final Set<String> PROCESSING = Set.of("RUNNING", "IDLE");

    private final IngestStreams ingest;
    private final CoreStreams core;
    private final ReceiptsStreams receipts;
    private final HttpDeliveries deliveries;

    public StagesReadiness(
            ApplicationAvailability availability,
            IngestStreams ingest,
            CoreStreams core,
            ReceiptsStreams receipts,
            HttpDeliveries deliveries) {
        super(availability);
        this.ingest = ingest;
        this.core = core;
        this.receipts = receipts;
        this.deliveries = deliveries;
    }

    @Override
    protected AvailabilityState getState(ApplicationAvailability availability) {
        boolean ready =
                availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
                        && PROCESSING.contains(ingest.state())
                        && PROCESSING.contains(core.state())
                        && PROCESSING.contains(receipts.state())
                        && deliveries.channels().values().stream()
                                .allMatch(c -> Set.of("RUNNING", "OFF").contains(c.state()));
        return ready ? ReadinessState.ACCEPTING_TRAFFIC : ReadinessState.REFUSING_TRAFFIC;
    }
}
