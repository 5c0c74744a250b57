package dk.youthhub.connector.dubu;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.AbstractConnector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.ConnectorDescriptor.ConfigProperty;
import java.util.List;
import java.util.Set;

/** The DUBU-like children-and-youth system: native XML events ({@code dubu.md}). */
public final class DubuConnector extends AbstractConnector {
    private static final ConnectorDescriptor DESCRIPTOR =
            new ConnectorDescriptor(
                    SourceSystem.DUBU,
                    "DUBU-like children-and-youth case system",
                    "application/xml",
                    Set.of(DocumentType.HANDLEPLAN, DocumentType.ASSESSMENT, DocumentType.CONSENT),
                    ConnectorDescriptor.ALL_TYPES,
                    List.of(
                            new ConfigProperty(
                                    "enabled",
                                    "Whether the hub consumes dubu.events.v1 and maps it to canonical documents.",
                                    "true")));

    public DubuConnector() {
        super(DESCRIPTOR, new DubuMapper(), new DubuRenderer(), DubuConnectorProperties.class);
    }
}
