package dk.youthhub.hub.ingest;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.inbound.InboundTransformer;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.TopicInitializer;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.streams.StreamsApp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.springframework.stereotype.Component;

/**
 * The ingest stage ({@link IngestTopology}) as a Kafka Streams application, reading the events
 * topic of every enabled system that sends documents, whatever its transport (Kafka, the HTTP
 * ingress and the file drop all write {@code <id>.events.v1}).
 */
@Component
public class IngestStreams extends StreamsApp {
    private final HubProperties props;
    private final Topics topics;
    private final Systems systems;
    private final Pseudonymizer pseudonymizer;
    private final DeadLetters deadLetters;
    private final Clock clock;

    public IngestStreams(
            HubProperties props,
            KafkaClients clients,
            Topics topics,
            Systems systems,
            Pseudonymizer pseudonymizer,
            DeadLetters deadLetters,
            Clock clock,
            TopicInitializer topicsCreated) {
        super("ingest", props, clients, topics.replicationFactor());
        this.props = props;
        this.topics = topics;
        this.systems = systems;
        this.pseudonymizer = pseudonymizer;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /** Each enabled connector's events topic and its transformer. */
    Map<String, InboundTransformer> inputs() {
        Map<String, InboundTransformer> inputs = new LinkedHashMap<>();
        for (Systems.HubSystem s : systems.enabled()) {
            if (s.connector().inboundMapper().isEmpty()) {
                continue;
            }
            topics.events(s.system())
                    .ifPresent(
                            topic ->
                                    inputs.put(
                                            topic,
                                            InboundTransformer.of(
                                                    s, systems, pseudonymizer, props)));
        }
        return inputs;
    }

    @Override
    protected Topology topology() {
        Map<String, InboundTransformer> inputs = inputs();
        if (inputs.isEmpty()) {
            return null;
        }
        return IngestTopology.build(
                inputs,
                topics,
                deadLetters,
                poison,
                props.dedupe().window(),
                props.limits().maxRecordBytes(),
                clock);
    }
}
