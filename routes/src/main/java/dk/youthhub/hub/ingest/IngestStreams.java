package dk.youthhub.hub.ingest;

import dk.youthhub.connector.Connector;
import dk.youthhub.connector.ConnectorProperties;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.ConnectorRegistry;
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
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The ingest stage ({@link IngestTopology}) as a Kafka Streams application, reading the events
 * topic of every enabled connector that has an inbound mapper.
 */
@Component
public class IngestStreams extends StreamsApp {
    private final HubProperties props;
    private final Topics topics;
    private final ConnectorRegistry registry;
    private final Pseudonymizer pseudonymizer;
    private final DeadLetters deadLetters;
    private final Binder binder;
    private final Clock clock;

    public IngestStreams(
            HubProperties props,
            KafkaClients clients,
            Topics topics,
            ConnectorRegistry registry,
            Pseudonymizer pseudonymizer,
            DeadLetters deadLetters,
            Environment env,
            Clock clock,
            TopicInitializer topicsCreated) {
        super("ingest", props, clients, topics.replicationFactor());
        this.props = props;
        this.topics = topics;
        this.registry = registry;
        this.pseudonymizer = pseudonymizer;
        this.deadLetters = deadLetters;
        this.binder = Binder.get(env);
        this.clock = clock;
    }

    /** Each enabled connector's events topic and its transformer. */
    Map<String, InboundTransformer> inputs() {
        Map<String, InboundTransformer> inputs = new LinkedHashMap<>();
        for (Connector connector : registry.all()) {
            if (!enabled(connector) || connector.inboundMapper().isEmpty()) {
                continue;
            }
            topics.inbound(connector.descriptor().system())
                    .ifPresent(
                            topic ->
                                    inputs.put(
                                            topic,
                                            new InboundTransformer(
                                                    connector.inboundMapper().get(),
                                                    pseudonymizer,
                                                    props.limits().maxPayloadBytes())));
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

    private boolean enabled(Connector connector) {
        return binder.bind(
                        "hub.connectors." + connector.descriptor().id(), connector.propertiesType())
                .map(ConnectorProperties::isEnabled)
                .orElse(true);
    }
}
