package dk.youthhub.hub.routes;

import dk.youthhub.connector.Connector;
import dk.youthhub.connector.ConnectorProperties;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.inbound.InboundTransformer;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.stage.StageEndpoints;
import dk.youthhub.hub.stage.TransactionalStage;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The inbound flow, one route per enabled connector with a Kafka input: {@code <system>.events.v1}
 * to {@code canonical.<type>.v1} (or the dead letters), as route {@code <system>-to-canonical}.
 */
@Component
public class InboundConnectorRoutes extends RouteBuilder {
    private final ConnectorRegistry registry;
    private final Topics topics;
    private final Pseudonymizer pseudonymizer;
    private final DeadLetters deadLetters;
    private final KafkaClients clients;
    private final HubProperties props;
    private final Binder binder;

    public InboundConnectorRoutes(
            ConnectorRegistry registry,
            Topics topics,
            Pseudonymizer pseudonymizer,
            DeadLetters deadLetters,
            KafkaClients clients,
            HubProperties props,
            Environment env) {
        this.registry = registry;
        this.topics = topics;
        this.pseudonymizer = pseudonymizer;
        this.deadLetters = deadLetters;
        this.clients = clients;
        this.props = props;
        this.binder = Binder.get(env);
    }

    @Override
    public void configure() throws Exception {
        for (Connector connector : registry.all()) {
            if (!enabled(connector)
                    || connector.inboundMapper().isEmpty()
                    || topics.inbound(connector.descriptor().system()).isEmpty()) {
                continue;
            }
            String routeId = connector.descriptor().id() + "-to-canonical";
            TransactionalStage stage =
                    new TransactionalStage(
                            routeId,
                            new InboundTransformer(
                                    connector.inboundMapper().get(),
                                    topics,
                                    pseudonymizer,
                                    deadLetters,
                                    props.limits().maxPayloadBytes()),
                            clients,
                            props.stage().maxRetryBackoffMs());
            getCamelContext().addService(stage);
            from(StageEndpoints.batchInput(
                            Topics.inboundProperty(connector.descriptor().system()), routeId))
                    .routeId(routeId)
                    .routeConfigurationId(StageRouteConfiguration.ID)
                    .process(stage);
        }
    }

    private boolean enabled(Connector connector) {
        return binder.bind(
                        "hub.connectors." + connector.descriptor().id(), connector.propertiesType())
                .map(ConnectorProperties::isEnabled)
                .orElse(true);
    }
}
