package dk.youthhub.hub.support;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Provenance;
import dk.youthhub.canonical.YoungPerson;
import dk.youthhub.connector.CanonicalJson;
import java.nio.file.Path;
import java.util.UUID;

/** The connector test kit's canonical samples, and copies of them about someone else. */
public final class Samples {
    private static final Path DIR =
            Path.of("../connectors/connector-kit/src/test/resources/canonical-samples");

    private Samples() {}

    public static CanonicalDocument sample(String name) throws Exception {
        return CanonicalJson.mapper()
                .readValue(DIR.resolve(name + ".canonical.json").toFile(), CanonicalDocument.class);
    }

    /** The sample as another document: this young person, source id and version, a new event id. */
    public static CanonicalDocument about(
            CanonicalDocument sample, YoungPerson person, String sourceId, long version) {
        Provenance s = sample.provenance();
        Provenance p =
                new Provenance(
                        s.sourceSystem(),
                        UUID.randomUUID().toString(),
                        s.sourceEventType(),
                        s.sourceCaseId(),
                        sourceId,
                        s.sourceVersion(),
                        s.eventTime(),
                        s.receivedAt());
        return new CanonicalDocument(
                CanonicalDocument.documentId(s.sourceSystem(), sample.documentType(), sourceId),
                sample.documentType(),
                version,
                person,
                sample.municipalityCode(),
                sample.caseworker(),
                p,
                sample.payload());
    }
}
