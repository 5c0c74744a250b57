package dk.youthhub.connector.uu;

import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.AbstractConnector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.ConnectorDescriptor.ConfigProperty;
import dk.youthhub.connector.DanishJsonDelivery;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The UU-like youth education guidance system ({@code uu.md}): it reads deliveries as snake_case
 * JSON records from {@code uu.deliveries.v1}. Its CSV file drop (education status in) follows the
 * connector guide as its own capability; until then this connector renders only.
 */
public final class UuConnector extends AbstractConnector {
    /** UU's own education-status codes. */
    static final Map<EducationStatus.Status, String> STATUS_CODES =
            Map.of(
                    EducationStatus.Status.IN_EDUCATION, "I_UDDANNELSE",
                    EducationStatus.Status.DROPPED_OUT, "AFBRUDT",
                    EducationStatus.Status.COMPLETED, "FAERDIGGJORT",
                    EducationStatus.Status.EMPLOYED, "I_BESKAEFTIGELSE",
                    EducationStatus.Status.NONE, "INGEN");

    private static final ConnectorDescriptor DESCRIPTOR =
            new ConnectorDescriptor(
                    SourceSystem.UU,
                    "UU-like youth education guidance",
                    "application/json",
                    Set.of(),
                    ConnectorDescriptor.ALL_TYPES,
                    List.of(
                            new ConfigProperty(
                                    "enabled",
                                    "Whether the hub runs the UU-like connector (deliveries to uu.deliveries.v1).",
                                    "true")));

    public UuConnector() {
        super(
                DESCRIPTOR,
                null,
                new DanishJsonDelivery(Map.of(), STATUS_CODES),
                UuConnectorProperties.class);
    }
}
