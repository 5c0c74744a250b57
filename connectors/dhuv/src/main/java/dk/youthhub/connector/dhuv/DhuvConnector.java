package dk.youthhub.connector.dhuv;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.ConnectorDescriptor.ConfigProperty;
import dk.youthhub.connector.ConnectorProperties;
import dk.youthhub.connector.InboundMapper;
import java.util.List;
import java.util.Set;

/** The DHUV-like adult social system: native snake_case JSON events ({@code dhuv.md}). */
public final class DhuvConnector implements Connector {
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

    private final DhuvMapper mapper = new DhuvMapper();

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
        return DhuvConnectorProperties.class;
    }
}
