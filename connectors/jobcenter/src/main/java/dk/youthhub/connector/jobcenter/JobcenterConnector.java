package dk.youthhub.connector.jobcenter;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.AbstractConnector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.ConnectorDescriptor.ConfigProperty;
import java.util.List;
import java.util.Set;

/**
 * The job-centre (Momentum-like) system: native camelCase JSON events, POSTed to the hub's HTTP
 * ingress and kept unchanged on {@code jobcenter.events.v1} ({@code jobcenter.md}).
 */
public final class JobcenterConnector extends AbstractConnector {
    private static final ConnectorDescriptor DESCRIPTOR =
            new ConnectorDescriptor(
                    SourceSystem.JOBCENTER,
                    "Job-centre system (Momentum-like)",
                    "application/json",
                    Set.of(DocumentType.JOBPLAN, DocumentType.ASSESSMENT),
                    ConnectorDescriptor.ALL_TYPES,
                    List.of(
                            new ConfigProperty(
                                    "enabled",
                                    "Whether the hub consumes jobcenter.events.v1 and maps it to canonical documents.",
                                    "true")));

    public JobcenterConnector() {
        super(
                DESCRIPTOR,
                new JobcenterMapper(),
                new JobcenterRenderer(),
                JobcenterConnectorProperties.class);
    }
}
