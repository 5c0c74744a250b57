package dk.youthhub.connector.dhuv;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.AbstractConnector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.ConnectorDescriptor.ConfigProperty;
import dk.youthhub.connector.DanishJsonDelivery;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DHUV-like adult social system: native snake_case JSON events ({@code dhuv.md}); deliveries in
 * the hub's Danish snake_case JSON shape with DHUV's own theme codes.
 */
public final class DhuvConnector extends AbstractConnector {
    private static final ConnectorDescriptor DESCRIPTOR =
            new ConnectorDescriptor(
                    SourceSystem.DHUV,
                    "DHUV-like adult social case system",
                    "application/json",
                    Set.of(DocumentType.HANDLEPLAN, DocumentType.ASSESSMENT, DocumentType.CONSENT),
                    ConnectorDescriptor.ALL_TYPES,
                    List.of(
                            new ConfigProperty(
                                    "enabled",
                                    "Whether the hub consumes dhuv.events.v1 and maps it to canonical documents.",
                                    "true")));

    public DhuvConnector() {
        super(
                DESCRIPTOR,
                new DhuvMapper(),
                new DanishJsonDelivery(DhuvMapper.THEME_CODES, Map.of()),
                DhuvConnectorProperties.class);
    }
}
