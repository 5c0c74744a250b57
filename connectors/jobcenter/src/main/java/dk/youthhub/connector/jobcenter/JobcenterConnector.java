package dk.youthhub.connector.jobcenter;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.canonical.ThemeCode;
import dk.youthhub.connector.AbstractConnector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.ConnectorDescriptor.Inbound;
import java.util.Set;

/**
 * The job-centre (Momentum-like) system ({@code jobcenter.md}): it POSTs native camelCase JSON
 * events to the hub's HTTP ingress, which keeps them unchanged on {@code jobcenter.events.v1}, and
 * the hub POSTs its deliveries to {@code <base-url>/api/v1/hub-deliveries}. Outside social
 * services, it never receives family or health content, nor a child assessment's conclusion.
 */
public final class JobcenterConnector extends AbstractConnector {
    static final ConnectorDescriptor DESCRIPTOR =
            ConnectorDescriptor.builder("jobcenter", "Job-centre system (Momentum-like)")
                    .sends(Inbound.HTTP_INGRESS, DocumentType.JOBPLAN, DocumentType.ASSESSMENT)
                    .receivesEveryDocumentType()
                    .httpDelivery("/api/v1/hub-deliveries")
                    .withholds(Set.of(ThemeCode.FAMILY, ThemeCode.HEALTH), true)
                    .build();
    static final SourceSystem SYSTEM = DESCRIPTOR.system();

    public JobcenterConnector() {
        super(DESCRIPTOR, new JobcenterMapper(), new JobcenterRenderer());
    }
}
