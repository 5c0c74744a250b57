package dk.youthhub.hub.core;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.canonical.ThemeCode;
import dk.youthhub.hub.support.TestProps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MinimisationVersionsAuditTest {
    private final Minimisation minimisation =
            TestProps.systems(TestProps.bind(java.util.Map.of())).minimisation();

    @Test
    void theJobCentreAndUuGetNoFamilyOrHealthInAnyAssessmentKindOrPlan() throws Exception {
        for (String recipient : List.of("jobcenter", "uu")) {
            SourceSystem to = SourceSystem.of(recipient);
            for (String sample : List.of("assessment-child", "assessment-vum")) {
                CanonicalDocument doc = RoutingPolicyTest.sample(sample);
                assertThat(doc.assessment().findings())
                        .anyMatch(f -> f.theme().code() == ThemeCode.HEALTH);
                CanonicalDocument minimised = minimisation.forRecipient(doc, to);
                assertThat(minimised.assessment().findings())
                        .isNotEmpty()
                        .noneMatch(
                                f ->
                                        f.theme().code() == ThemeCode.FAMILY
                                                || f.theme().code() == ThemeCode.HEALTH);
                assertThat(minimisation.forRecipient(doc, SourceSystem.of("dubu")))
                        .as("social services see everything")
                        .isEqualTo(doc);
            }
            CanonicalDocument plan = RoutingPolicyTest.sample("handleplan-child");
            assertThat(minimisation.forRecipient(plan, to).handleplan().goals())
                    .hasSize(plan.handleplan().goals().size() - 1)
                    .noneMatch(g -> g.theme().code() == ThemeCode.HEALTH);
        }
    }

    @Test
    void aChildAssessmentsConclusionStaysWithSocialServices() throws Exception {
        CanonicalDocument child = RoutingPolicyTest.sample("assessment-child");
        assertThat(child.assessment().conclusion()).isNotBlank();
        for (String recipient : List.of("jobcenter", "uu")) {
            assertThat(
                            minimisation
                                    .forRecipient(child, SourceSystem.of(recipient))
                                    .assessment()
                                    .conclusion())
                    .isNull();
        }
        assertThat(
                        minimisation
                                .forRecipient(child, SourceSystem.of("dhuv"))
                                .assessment()
                                .conclusion())
                .isEqualTo(child.assessment().conclusion());
        CanonicalDocument vum = RoutingPolicyTest.sample("assessment-vum");
        assertThat(
                        minimisation
                                .forRecipient(vum, SourceSystem.of("jobcenter"))
                                .assessment()
                                .conclusion())
                .as("only a child assessment's")
                .isEqualTo(vum.assessment().conclusion());
    }

    @Test
    void theResourceProfileKeepsItsOwnHealthElementForOtherRecipients() throws Exception {
        CanonicalDocument rp = RoutingPolicyTest.sample("assessment-resource-profile");
        assertThat(minimisation.forRecipient(rp, SourceSystem.of("dubu"))).isEqualTo(rp);
    }

    @Test
    void versionsAcceptNewerRejectStaleAndConflictingAndIgnoreResends() throws Exception {
        CanonicalDocument doc = RoutingPolicyTest.sample("handleplan-child");
        String hash = Versions.contentHash(doc);
        Optional<Versions.Seen> seen = Optional.of(new Versions.Seen(12, hash));
        assertThat(Versions.decide(Optional.empty(), 12, hash)).isEqualTo(Versions.Decision.ACCEPT);
        assertThat(Versions.decide(seen, 13, "other")).isEqualTo(Versions.Decision.ACCEPT);
        assertThat(Versions.decide(seen, 11, hash)).isEqualTo(Versions.Decision.STALE_VERSION);
        assertThat(Versions.decide(seen, 12, hash)).isEqualTo(Versions.Decision.DUPLICATE);
        assertThat(Versions.decide(seen, 12, "other"))
                .isEqualTo(Versions.Decision.VERSION_CONFLICT);
    }

    @Test
    void aResendWithANewEventIdHasTheSameContentHash() throws Exception {
        CanonicalDocument doc = RoutingPolicyTest.sample("handleplan-child");
        var p = doc.provenance();
        CanonicalDocument resend =
                new CanonicalDocument(
                        doc.documentId(),
                        doc.documentType(),
                        doc.version(),
                        doc.youngPerson(),
                        doc.municipalityCode(),
                        doc.caseworker(),
                        new dk.youthhub.canonical.Provenance(
                                p.sourceSystem(),
                                "another-event",
                                p.sourceEventType(),
                                p.sourceCaseId(),
                                p.sourceDocumentId(),
                                p.sourceVersion(),
                                p.eventTime(),
                                Instant.now()),
                        doc.handleplan());
        assertThat(Versions.contentHash(resend)).isEqualTo(Versions.contentHash(doc));
        assertThat(
                        Versions.contentHash(
                                minimisation.forRecipient(doc, SourceSystem.of("jobcenter"))))
                .isNotEqualTo(Versions.contentHash(doc));
    }

    private static final AuditKeys KEYS =
            new AuditKeys("audit-key-for-tests-0123456789abcdef", List.of());

    private static List<AuditChain.Record> chain(AuditKeys keys) {
        List<AuditChain.Record> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        AuditChain.Action[] actions = {
            AuditChain.Action.RECEIVED,
            AuditChain.Action.HELD,
            AuditChain.Action.RELEASED,
            AuditChain.Action.DISPATCHED
        };
        for (int i = 0; i < actions.length; i++) {
            AuditChain.Record r =
                    AuditChain.next(
                            previous,
                            new AuditChain.Entry(
                                    Instant.parse("2026-06-01T10:00:00Z").plusSeconds(i),
                                    actions[i],
                                    "dubu:handleplan:HP-1",
                                    "handleplan",
                                    3L,
                                    "ab".repeat(32),
                                    "dubu",
                                    i == 0 ? null : "jobcenter",
                                    i < 2 ? List.of() : List.of("S-1", "S-2"),
                                    i == 1 ? "NO_CONSENT" : null,
                                    null,
                                    "pk-1"),
                            keys);
            chain.add(r);
            previous = r.hash();
        }
        return chain;
    }

    @Test
    void theKeyedChainDetectsARemovedAnAlteredAndAReorderedRecord() {
        List<AuditChain.Record> chain = chain(KEYS);
        assertThat(chain).allSatisfy(r -> assertThat(r.keyId()).isEqualTo(KEYS.currentId()));
        assertThat(AuditChain.firstBreak(chain, KEYS)).isEmpty();

        List<AuditChain.Record> removed = new ArrayList<>(chain);
        removed.remove(1);
        assertThat(AuditChain.firstBreak(removed, KEYS)).hasValue(1);

        List<AuditChain.Record> altered = new ArrayList<>(chain);
        AuditChain.Record r = altered.get(2);
        altered.set(
                2,
                new AuditChain.Record(
                        r.time(),
                        r.action(),
                        r.documentId(),
                        r.documentType(),
                        r.documentVersion(),
                        r.pseudonym(),
                        r.source(),
                        "uu",
                        r.consentIds(),
                        r.reason(),
                        r.credential(),
                        r.keyId(),
                        r.pseudonymKeyId(),
                        r.previousHash(),
                        r.hash()));
        assertThat(AuditChain.firstBreak(altered, KEYS)).hasValue(2);

        List<AuditChain.Record> reordered = new ArrayList<>(chain);
        reordered.set(1, chain.get(2));
        reordered.set(2, chain.get(1));
        assertThat(AuditChain.firstBreak(reordered, KEYS)).hasValue(1);

        assertThat(AuditChain.firstBreak(chain.subList(1, chain.size()), KEYS))
                .as("a removed first record")
                .hasValue(0);
    }

    @Test
    void aChainRewrittenWithoutTheKeyDoesNotVerify() {
        AuditKeys forger = new AuditKeys("somebody-elses-key-0123456789abcdef", List.of());
        List<AuditChain.Record> forged = chain(forger);
        assertThat(AuditChain.firstBreak(forged, KEYS))
                .as("signed with an unknown key")
                .hasValue(0);
        List<AuditChain.Record> relabelled =
                forged.stream()
                        .map(
                                r ->
                                        new AuditChain.Record(
                                                r.time(),
                                                r.action(),
                                                r.documentId(),
                                                r.documentType(),
                                                r.documentVersion(),
                                                r.pseudonym(),
                                                r.source(),
                                                r.target(),
                                                r.consentIds(),
                                                r.reason(),
                                                r.credential(),
                                                KEYS.currentId(),
                                                r.pseudonymKeyId(),
                                                r.previousHash(),
                                                r.hash()))
                        .toList();
        assertThat(AuditChain.firstBreak(relabelled, KEYS))
                .as("claiming the hub's key id")
                .hasValue(0);
    }

    @Test
    void afterARotationOldRecordsStillVerifyAndNewOnesUseTheNewKey() {
        List<AuditChain.Record> old = chain(KEYS);
        AuditKeys rotated =
                new AuditKeys(
                        "the-next-audit-key-0123456789abcdef",
                        List.of("audit-key-for-tests-0123456789abcdef"));
        AuditChain.Record next =
                AuditChain.next(
                        old.get(old.size() - 1).hash(),
                        new AuditChain.Entry(
                                Instant.parse("2026-07-01T10:00:00Z"),
                                AuditChain.Action.DELIVERED,
                                "dubu:handleplan:HP-1",
                                "handleplan",
                                3L,
                                "ab".repeat(32),
                                "dubu",
                                "jobcenter",
                                List.of(),
                                null,
                                null,
                                "pk-1"),
                        rotated);
        List<AuditChain.Record> all = new ArrayList<>(old);
        all.add(next);
        assertThat(next.keyId()).isEqualTo(rotated.currentId()).isNotEqualTo(KEYS.currentId());
        assertThat(AuditChain.firstBreak(all, rotated)).isEmpty();
        assertThat(AuditChain.firstBreak(all, KEYS)).as("without the new key").hasValue(old.size());
    }

    @Test
    void auditRecordsHoldNoCprNumber() {
        AuditChain.Record r = chain(KEYS).get(3);
        var cprShaped = Pattern.compile("\\b\\d{6}-?\\d{4}\\b").matcher(r.toString());
        while (cprShaped.find()) {
            assertThat(dk.youthhub.connector.Cpr.parse(cprShaped.group()))
                    .as("a CPR number in an audit record")
                    .isEmpty();
        }
        assertThat(r.toString()).contains(r.pseudonym());
    }
}
