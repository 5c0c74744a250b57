package dk.youthhub.hub.support;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.Provenance;
import dk.youthhub.canonical.YoungPerson;
import dk.youthhub.connector.CanonicalJson;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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

    /** A consent given by this party to the job centre and UU for all documents, from 2026 on. */
    public static CanonicalDocument consent(String cpr, String id, Consent.GivenBy by)
            throws Exception {
        return about(sample("consent-parent"), new YoungPerson(cpr, null, null), id, 1)
                .with(
                        new Consent(
                                Consent.Status.GIVEN,
                                by,
                                null,
                                List.of("jobcenter", "uu"),
                                List.of("all"),
                                LocalDate.of(2026, 1, 1),
                                null));
    }

    /** A child's plan (DUBU's sample) about this young person, version 1. */
    public static CanonicalDocument plan(String cpr, String planId) throws Exception {
        return about(sample("handleplan-child"), new YoungPerson(cpr, null, null), planId, 1);
    }
}
