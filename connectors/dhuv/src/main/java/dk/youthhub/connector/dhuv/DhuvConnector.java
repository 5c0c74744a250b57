package dk.youthhub.connector.dhuv;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.AbstractConnector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.ConnectorDescriptor.ConfigProperty;
import java.util.List;
import java.util.Set;

/** The DHUV-like adult social system: native snake_case JSON events ({@code dhuv.md}). */
public final class DhuvConnector extends AbstractConnector {
    private static final ConnectorDescriptor DESCRIPTOR =
            new ConnectorDescriptor(
                    SourceSystem.DHUV,
                    "DHUV-like adult social case system",
                    "application/json",
                    Set.of(DocumentType.HANDLEPLAN, DocumentType.ASSESSMENT, DocumentType.CONSENT),
                    List.of(
                            new ConfigProperty(
                                    "enabled",
                                    "Whether the hub consumes dhuv.events.v1 and maps it to canonical documents.",
                                    "true")));

    public DhuvConnector() {
        super(DESCRIPTOR, new DhuvMapper(), DhuvConnectorProperties.class);
    }
}
