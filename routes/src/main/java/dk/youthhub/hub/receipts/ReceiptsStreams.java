package dk.youthhub.hub.receipts;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.TopicInitializer;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.metrics.ReceiptCounters;
import dk.youthhub.hub.streams.StreamsApp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.springframework.stereotype.Component;

/** The receipts stage ({@link ReceiptsTopology}) as a Kafka Streams application. */
@Component
public class ReceiptsStreams extends StreamsApp {
    private final Topics topics;
    private final Systems systems;
    private final ReceiptCounters counters;

    public ReceiptsStreams(
            HubProperties props,
            KafkaClients clients,
            Topics topics,
            Systems systems,
            ReceiptCounters counters,
            TopicInitializer topicsCreated) {
        super("receipts", props, clients, topics.replicationFactor());
        this.counters = counters;
        this.topics = topics;
        this.systems = systems;
    }

    @Override
    protected Topology topology() {
        Map<String, String> receipts = new LinkedHashMap<>();
        for (Systems.HubSystem s : systems.enabled()) {
            topics.receipts(s.system()).ifPresent(t -> receipts.put(t, s.id()));
        }
        return receipts.isEmpty() ? null : ReceiptsTopology.build(receipts, topics, counters);
    }
}
