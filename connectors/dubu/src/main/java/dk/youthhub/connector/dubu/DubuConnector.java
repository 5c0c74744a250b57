package dk.youthhub.connector.dubu;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.ConnectorDescriptor.ConfigProperty;
import dk.youthhub.connector.ConnectorProperties;
import dk.youthhub.connector.InboundMapper;
import java.util.List;
import java.util.Set;

/** The DUBU-like children-and-youth system: native XML events ({@code dubu.md}). */
public final class DubuConnector implements Connector {
    private static final ConnectorDescriptor DESCRIPTOR =
            new ConnectorDescriptor(
                    SourceSystem.DUBU,
                    "DUBU-like children-and-youth case system",
                    "application/xml",
                    Set.of(DocumentType.HANDLEPLAN, DocumentType.ASSESSMENT, DocumentType.CONSENT),
                    List.of(
                            new ConfigProperty(
                                    "enabled",
                                    "Whether the hub consumes dubu.events.v1 and maps it to canonical documents.",
                                    "true")));

    private final DubuMapper mapper = new DubuMapper();

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public InboundMapper inboundMapper() {
        return mapper;
    }

    @Override
    public Class<? extends ConnectorProperties> propertiesType() {
        return DubuConnectorProperties.class;
    }
}
