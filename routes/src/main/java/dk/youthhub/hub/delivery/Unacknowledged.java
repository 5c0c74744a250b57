package dk.youthhub.hub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.TopicInitializer;
import dk.youthhub.hub.kafka.TopicView;
import dk.youthhub.hub.kafka.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The deliveries without a receipt (or answer) after {@code hub.receipts.timeout}, as the core
 * lists them on {@code hub.unacknowledged.v1}; a receipt that comes later removes one. For
 * operators ({@code GET /api/v1/unacknowledged}) and the gauge {@code
 * hub.deliveries.unacknowledged}.
 */
@Component
public class Unacknowledged implements SmartLifecycle {
    private final TopicView view;
    private boolean running;

    public Unacknowledged(
            KafkaClients clients,
            Topics topics,
            MeterRegistry meters,
            TopicInitializer topicsCreated) {
        this.view = new TopicView(clients, topics.unacknowledged());
        Gauge.builder("hub.deliveries.unacknowledged", view, v -> v.all().size())
                .description("deliveries without a receipt after hub.receipts.timeout")
                .register(meters);
    }

    /** Oldest dispatch first: ce_id, pseudonym, document id, type, version, target, when. */
    public List<JsonNode> list() {
        return view.all().values().stream()
                .map(Unacknowledged::read)
                .sorted(Comparator.comparingLong(n -> n.path("at").asLong()))
                .toList();
    }

    private static JsonNode read(String json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void start() {
        view.start();
        running = true;
    }

    @Override
    public synchronized void stop() {
        view.close();
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
