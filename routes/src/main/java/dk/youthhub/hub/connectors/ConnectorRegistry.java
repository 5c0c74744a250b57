package dk.youthhub.hub.connectors;

import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.dhuv.DhuvConnector;
import dk.youthhub.connector.dubu.DubuConnector;
import dk.youthhub.connector.jobcenter.JobcenterConnector;
import dk.youthhub.connector.uu.UuConnector;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every connector the hub runs, registered explicitly. A module under {@code connectors/} that is
 * missing here fails {@code ConnectorRegistryTest}.
 */
@Component
public class ConnectorRegistry {
    private final List<Connector> connectors =
            List.of(
                    new DubuConnector(),
                    new DhuvConnector(),
                    new JobcenterConnector(),
                    new UuConnector());

    public List<Connector> all() {
        return connectors;
    }

    /** The connector that speaks for a system. */
    public Connector of(SourceSystem system) {
        return connectors.stream()
                .filter(c -> c.descriptor().system() == system)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no connector for " + system.id()));
    }
}
