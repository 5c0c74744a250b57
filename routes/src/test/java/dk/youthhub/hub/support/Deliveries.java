package dk.youthhub.hub.support;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.kafka.CloudEvents;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Job-centre deliveries as the hub renders them, for tests of the delivery route. */
public final class Deliveries {

    private Deliveries() {}

    /** The kit's jobplan sample as a job-centre delivery, with this document id and version. */
    public static byte[] jobplan(ConnectorRegistry registry, String documentId, long version)
            throws Exception {
        CanonicalDocument sample = Samples.sample("jobplan");
        CanonicalDocument doc =
                new CanonicalDocument(
                        documentId,
                        sample.documentType(),
                        version,
                        sample.youngPerson(),
                        sample.municipalityCode(),
                        sample.caseworker(),
                        sample.provenance(),
                        sample.jobplan());
        return registry.of(SourceSystem.of("jobcenter")).renderer().render(doc);
    }

    /** The {@code ce_id} the core stage gives that delivery to the job centre. */
    public static Header ceId(String documentId, long version) {
        return new RecordHeader(
                CloudEvents.ID,
                CloudEvents.deliveryId("jobcenter", documentId, version)
                        .getBytes(StandardCharsets.UTF_8));
    }
}
