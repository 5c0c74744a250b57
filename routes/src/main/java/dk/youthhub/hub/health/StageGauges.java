package dk.youthhub.hub.health;

import dk.youthhub.hub.delivery.HttpDeliveries;
import dk.youthhub.hub.ingest.IngestStreams;
import dk.youthhub.hub.receipts.ReceiptsStreams;
import dk.youthhub.hub.streams.CoreStreams;
import dk.youthhub.hub.streams.StreamsApp;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The stages' state for the alerts: {@code hub.stage.running{stage}} is 1 while a Kafka Streams
 * stage processes ({@code RUNNING}, not rebalancing or restoring), else 0; {@code
 * hub.delivery.circuit.open{system}} is 1 while an HTTP recipient's circuit is open (the recipient
 * is down and the hub waits), else 0.
 */
@Component
public class StageGauges {

    public StageGauges(
            MeterRegistry meters,
            IngestStreams ingest,
            CoreStreams core,
            ReceiptsStreams receipts,
            HttpDeliveries deliveries) {
        for (Map.Entry<String, StreamsApp> s :
                Map.<String, StreamsApp>of("ingest", ingest, "core", core, "receipts", receipts)
                        .entrySet()) {
            Gauge.builder("hub.stage.running", s.getValue(), a -> a.isHealthy() ? 1 : 0)
                    .description("1 while the stage processes, else 0")
                    .tag("stage", s.getKey())
                    .register(meters);
        }
        for (Map.Entry<String, HttpDeliveries.Channel> c : deliveries.channels().entrySet()) {
            Gauge.builder(
                            "hub.delivery.circuit.open",
                            c.getValue(),
                            ch -> "OPEN".equals(ch.breaker().state()) ? 1 : 0)
                    .description("1 while the recipient's circuit is open, else 0")
                    .tag("system", c.getKey())
                    .register(meters);
        }
    }
}
