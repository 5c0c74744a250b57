package dk.youthhub.hub.core;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.Provenance;
import dk.youthhub.canonical.SourceSystem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentPolicyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void anAdultsOwnConsentForTheRecipientAndTypeIsEnough() throws Exception {
        List<CanonicalDocument> c =
                List.of(
                        consent(
                                "S-1",
                                1,
                                Consent.Status.GIVEN,
                                Consent.GivenBy.YOUNG_PERSON,
                                "jobcenter",
                                "handleplan",
                                "2026-01-01",
                                null));
        assertThat(covers(c, DocumentType.HANDLEPLAN, false))
                .isEqualTo(new ConsentPolicy.Coverage(true, List.of("S-1")));
        assertThat(covers(c, DocumentType.ASSESSMENT, false).covered())
                .as("handleplan only")
                .isFalse();
        assertThat(
                        ConsentPolicy.covers(
                                        ConsentPolicy.inForce(c),
                                        SourceSystem.of("uu"),
                                        DocumentType.HANDLEPLAN,
                                        TODAY,
                                        false)
                                .covered())
                .as("another recipient")
                .isFalse();
    }

    @Test
    void underEighteenAParentsConsentIsNeededToo() throws Exception {
        CanonicalDocument own =
                consent(
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        "jobcenter",
                        "all",
                        "2026-01-01",
                        null);
        CanonicalDocument parent =
                consent(
                        "S-2",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.PARENT,
                        "jobcenter",
                        "handleplan",
                        "2026-01-01",
                        null);
        assertThat(covers(List.of(own), DocumentType.HANDLEPLAN, true).covered()).isFalse();
        assertThat(covers(List.of(parent), DocumentType.HANDLEPLAN, true).covered()).isFalse();
        assertThat(covers(List.of(own, parent), DocumentType.HANDLEPLAN, true))
                .isEqualTo(new ConsentPolicy.Coverage(true, List.of("S-1", "S-2")));
        assertThat(covers(List.of(own, parent), DocumentType.JOBPLAN, true).covered())
                .as("the parent's is handleplan only")
                .isFalse();
    }

    @Test
    void validityIsInclusiveAtBothEnds() throws Exception {
        List<CanonicalDocument> c =
                List.of(
                        consent(
                                "S-1",
                                1,
                                Consent.Status.GIVEN,
                                Consent.GivenBy.YOUNG_PERSON,
                                "jobcenter",
                                "all",
                                "2026-06-01",
                                "2026-06-01"));
        assertThat(covers(c, DocumentType.JOBPLAN, false).covered()).isTrue();
        assertThat(
                        ConsentPolicy.covers(
                                        ConsentPolicy.inForce(c),
                                        SourceSystem.of("jobcenter"),
                                        DocumentType.JOBPLAN,
                                        TODAY.minusDays(1),
                                        false)
                                .covered())
                .isFalse();
        assertThat(
                        ConsentPolicy.covers(
                                        ConsentPolicy.inForce(c),
                                        SourceSystem.of("jobcenter"),
                                        DocumentType.JOBPLAN,
                                        TODAY.plusDays(1),
                                        false)
                                .covered())
                .isFalse();
    }

    @Test
    void aRevocationEndsTheConsentItNamesAndOnlyThatOne() throws Exception {
        CanonicalDocument given =
                consent(
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        "jobcenter",
                        "all",
                        "2026-01-01",
                        null);
        CanonicalDocument revoked =
                consent(
                        "S-1",
                        2,
                        Consent.Status.REVOKED,
                        Consent.GivenBy.YOUNG_PERSON,
                        "jobcenter",
                        "all",
                        "2026-01-01",
                        null);
        CanonicalDocument other =
                consent(
                        "S-9",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        "uu",
                        "all",
                        "2026-01-01",
                        null);
        assertThat(ConsentPolicy.inForce(List.of(revoked, given, other)))
                .extracting(ConsentPolicy::consentId)
                .containsExactly("consent:S-9");
        assertThat(covers(List.of(given, revoked), DocumentType.JOBPLAN, false).covered())
                .isFalse();
        assertThat(covers(List.of(revoked, given), DocumentType.JOBPLAN, false).covered())
                .as("order of arrival does not matter")
                .isFalse();
    }

    @Test
    void aRevocationIsNeverStaleMatchesWhateverSystemSentItAndStaysRevoked() throws Exception {
        CanonicalDocument given =
                consent(
                        "S-1",
                        5,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        "jobcenter",
                        "all",
                        "2026-01-01",
                        null);
        CanonicalDocument olderRevocationFromAnotherSystem =
                from(
                        "dhuv",
                        consent(
                                "S-1",
                                2,
                                Consent.Status.REVOKED,
                                Consent.GivenBy.YOUNG_PERSON,
                                "jobcenter",
                                "all",
                                "2026-01-01",
                                null));
        CanonicalDocument grantAgain =
                consent(
                        "S-1",
                        9,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        "jobcenter",
                        "all",
                        "2026-01-01",
                        null);
        assertThat(ConsentPolicy.consentId(olderRevocationFromAnotherSystem))
                .isEqualTo(ConsentPolicy.consentId(given));
        assertThat(ConsentPolicy.inForce(List.of(given, olderRevocationFromAnotherSystem)))
                .isEmpty();
        assertThat(
                        ConsentPolicy.inForce(
                                List.of(olderRevocationFromAnotherSystem, given, grantAgain)))
                .as("a revocation that came first, and a later grant under its id")
                .isEmpty();
        assertThat(ConsentPolicy.stands(given, grantAgain)).isSameAs(grantAgain);
        CanonicalDocument sameVersion =
                consent(
                        "S-1",
                        5,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        "uu",
                        "all",
                        "2026-01-01",
                        null);
        assertThat(ConsentPolicy.stands(given, sameVersion))
                .as("a tie goes to the later arrival")
                .isSameAs(sameVersion);
    }

    @Test
    void consentsAddUp() throws Exception {
        List<CanonicalDocument> c =
                List.of(
                        consent(
                                "S-1",
                                1,
                                Consent.Status.GIVEN,
                                Consent.GivenBy.YOUNG_PERSON,
                                "jobcenter",
                                "handleplan",
                                "2026-01-01",
                                null),
                        consent(
                                "S-2",
                                1,
                                Consent.Status.GIVEN,
                                Consent.GivenBy.YOUNG_PERSON,
                                "jobcenter",
                                "assessment",
                                "2026-01-01",
                                null));
        assertThat(covers(c, DocumentType.HANDLEPLAN, false).covered()).isTrue();
        assertThat(covers(c, DocumentType.ASSESSMENT, false).covered()).isTrue();
        assertThat(covers(c, DocumentType.JOBPLAN, false).covered()).isFalse();
    }

    @Test
    void theNextValidityStartIsWhenHeldDocumentsAreReconsidered() throws Exception {
        List<CanonicalDocument> c =
                ConsentPolicy.inForce(
                        List.of(
                                consent(
                                        "S-1",
                                        1,
                                        Consent.Status.GIVEN,
                                        Consent.GivenBy.YOUNG_PERSON,
                                        "jobcenter",
                                        "all",
                                        "2026-07-01",
                                        null),
                                consent(
                                        "S-2",
                                        1,
                                        Consent.Status.GIVEN,
                                        Consent.GivenBy.YOUNG_PERSON,
                                        "jobcenter",
                                        "all",
                                        "2026-05-01",
                                        null)));
        assertThat(ConsentPolicy.nextValidityStart(c, TODAY)).hasValue(LocalDate.of(2026, 7, 1));
    }

    private static ConsentPolicy.Coverage covers(
            List<CanonicalDocument> all, DocumentType type, boolean under18) {
        return ConsentPolicy.covers(
                ConsentPolicy.inForce(all), SourceSystem.of("jobcenter"), type, TODAY, under18);
    }

    private static CanonicalDocument from(String system, CanonicalDocument c) {
        Provenance p = c.provenance();
        Provenance other =
                new Provenance(
                        SourceSystem.of(system),
                        p.sourceEventId(),
                        p.sourceEventType(),
                        p.sourceCaseId(),
                        p.sourceDocumentId(),
                        p.sourceVersion(),
                        p.eventTime(),
                        p.receivedAt());
        return new CanonicalDocument(
                CanonicalDocument.documentId(
                        other.sourceSystem(), c.documentType(), p.sourceDocumentId()),
                c.documentType(),
                c.version(),
                c.youngPerson(),
                c.municipalityCode(),
                c.caseworker(),
                other,
                c.payload());
    }

    private static CanonicalDocument consent(
            String id,
            long version,
            Consent.Status status,
            Consent.GivenBy by,
            String recipient,
            String type,
            String from,
            String to)
            throws Exception {
        CanonicalDocument sample = RoutingPolicyTest.sample("consent-parent");
        Provenance p = sample.provenance();
        Provenance provenance =
                new Provenance(
                        p.sourceSystem(),
                        p.sourceEventId(),
                        p.sourceEventType(),
                        p.sourceCaseId(),
                        id,
                        null,
                        p.eventTime(),
                        p.receivedAt());
        return CanonicalDocument.of(
                        sample.documentType(),
                        version,
                        sample.youngPerson(),
                        sample.municipalityCode(),
                        null,
                        provenance)
                .with(
                        new Consent(
                                status,
                                by,
                                null,
                                List.of(recipient),
                                List.of(type),
                                LocalDate.parse(from),
                                to == null ? null : LocalDate.parse(to)));
    }
}
