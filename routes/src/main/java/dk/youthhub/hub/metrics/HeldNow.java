package dk.youthhub.hub.metrics;

import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.TopicInitializer;
import dk.youthhub.hub.kafka.TopicView;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.streams.CoreProcessor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The documents held for consent right now, from the core's store of them (its changelog, followed
 * live), whichever instance holds them: the gauge {@code hub.documents.waiting} and the console's
 * list.
 */
@Component
public class HeldNow implements SmartLifecycle {
    private final TopicView view;
    private boolean running;

    public HeldNow(
            KafkaClients clients,
            Topics topics,
            MeterRegistry meters,
            TopicInitializer topicsCreated) {
        this.view = new TopicView(clients, topics.coreChangelog(CoreProcessor.HELD));
        Gauge.builder("hub.documents.waiting", view, v -> v.all().size())
                .description("documents held for consent now (per recipient)")
                .register(meters);
    }

    /** Each held entry (its store key) and its JSON. */
    public Map<String, String> entries() {
        return view.all();
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
