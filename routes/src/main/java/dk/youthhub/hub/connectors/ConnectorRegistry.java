package dk.youthhub.hub.connectors;

import dk.youthhub.connector.Connector;
import dk.youthhub.connector.dubu.DubuConnector;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every connector the hub runs, registered explicitly. A module under {@code connectors/} that is
 * missing here fails {@code ConnectorRegistryTest}.
 */
@Component
public class ConnectorRegistry {
    private final List<Connector> connectors = List.of(new DubuConnector());

    public List<Connector> all() {
        return connectors;
    }
}
