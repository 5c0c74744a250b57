package dk.youthhub.connector.uu;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.canonical.ThemeCode;
import dk.youthhub.connector.AbstractConnector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.ConnectorDescriptor.Inbound;
import dk.youthhub.connector.kit.DanishJsonDelivery;
import java.util.Map;
import java.util.Set;

/**
 * The UU-like youth education guidance system ({@code uu.md}): a nightly CSV file drop of education
 * status in (one canonical {@code education-status} per row), deliveries out as snake_case JSON
 * records on {@code uu.deliveries.v1}. Outside social services, it never receives family or health
 * content, nor a child assessment's conclusion.
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

    static final ConnectorDescriptor DESCRIPTOR =
            ConnectorDescriptor.builder("uu", "UU-like youth education guidance")
                    .sends(Inbound.FILE_DROP, DocumentType.EDUCATION_STATUS)
                    .receivesEveryDocumentType()
                    .withholds(Set.of(ThemeCode.FAMILY, ThemeCode.HEALTH), true)
                    .build();
    static final SourceSystem SYSTEM = DESCRIPTOR.system();

    public UuConnector() {
        super(
                DESCRIPTOR,
                new UuMapper(),
                new DanishJsonDelivery(Map.of(), STATUS_CODES),
                new UuCsvFormat());
    }
}
