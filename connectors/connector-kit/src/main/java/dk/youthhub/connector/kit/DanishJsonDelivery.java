package dk.youthhub.connector.kit;

import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Caseworker;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.canonical.Handleplan;
import dk.youthhub.canonical.Jobplan;
import dk.youthhub.canonical.LegalBasis;
import dk.youthhub.canonical.Provenance;
import dk.youthhub.canonical.ThemeCode;
import dk.youthhub.connector.OutboundRenderer;
import java.util.Map;

/**
 * The hub-defined delivery shape for Danish snake_case JSON recipients (DHUV-like, UU-like). Field
 * names follow the DHUV-like contract where it has them, so the DHUV-like system reads its own
 * kinds of documents in its own terms. Documented in those connectors' READMEs.
 *
 * @param themeCodes the recipient's own theme codes; other themes are sent as canonical codes
 * @param statusCodes the recipient's own education-status codes; others as canonical codes
 */
public record DanishJsonDelivery(
        Map<ThemeCode, String> themeCodes, Map<EducationStatus.Status, String> statusCodes)
        implements OutboundRenderer {

    @Override
    public byte[] render(CanonicalDocument d) {
        Provenance p = d.provenance();
        JsonOut out =
                JsonOut.object()
                        .put("dokument_id", d.documentId())
                        .put("dokument_type", d.documentType().id())
                        .put("version", d.version())
                        .put("afsender", p.sourceSystem().id())
                        .put(
                                "kilde",
                                JsonOut.object()
                                        .put("haendelse_id", p.sourceEventId())
                                        .put("haendelse_type", p.sourceEventType())
                                        .put("sags_nr", p.sourceCaseId())
                                        .put("dokument_id", p.sourceDocumentId())
                                        .put("version", p.sourceVersion()))
                        .put("tidspunkt", p.eventTime())
                        .put("kommune", d.municipalityCode())
                        .put(
                                "borger",
                                JsonOut.object()
                                        .put("cpr", d.youngPerson().cpr())
                                        .put("fornavn", d.youngPerson().firstName())
                                        .put("efternavn", d.youngPerson().lastName()))
                        .put("sagsbehandler", caseworker(d.caseworker()));
        if (d.handleplan() != null) {
            out.put("handleplan", handleplan(d.handleplan(), p, d.version()));
        }
        if (d.assessment() != null) {
            out.put("udredning", assessment(d.assessment(), p));
        }
        if (d.jobplan() != null) {
            out.put("jobplan", jobplan(d.jobplan(), p));
        }
        if (d.educationStatus() != null) {
            out.put("uddannelsesstatus", educationStatus(d.educationStatus()));
        }
        if (d.consent() != null) {
            out.put("samtykke", consent(d.consent(), p));
        }
        return out.bytes();
    }

    private JsonOut handleplan(Handleplan h, Provenance p, long version) {
        return JsonOut.object()
                .put("plan_id", p.sourceDocumentId())
                .put("version", version)
                .put("paragraf", text(h.legalBasis()))
                .put("gyldig_fra", h.validFrom())
                .put("revurdering", h.followUpDate())
                .put("formaal", h.purpose())
                .array(
                        "maal",
                        h.goals().stream()
                                .map(
                                        g ->
                                                JsonOut.object()
                                                        .put(
                                                                "tema",
                                                                Codes.nativeTheme(
                                                                        g.theme(), themeCodes))
                                                        .put("tema_kode", g.theme().code().name())
                                                        .put("kilde_tema", g.theme().source())
                                                        .put("tekst", g.text())
                                                        .put("frist", g.deadline()))
                                .toList())
                .array(
                        "indsatser",
                        h.measures().stream()
                                .map(
                                        m ->
                                                JsonOut.object()
                                                        .put("paragraf", text(m.legalBasis()))
                                                        .put("beskrivelse", m.description())
                                                        .put("start", m.start())
                                                        .put("slut", m.end()))
                                .toList())
                .put(
                        "overgang_til_voksenliv",
                        h.transitionToAdultLife() == null
                                ? null
                                : JsonOut.object()
                                        .put(
                                                "uddannelsesmaal",
                                                h.transitionToAdultLife().educationGoal())
                                        .put(
                                                "beskaeftigelsesmaal",
                                                h.transitionToAdultLife().employmentGoal())
                                        .put("bolig", h.transitionToAdultLife().housing()));
    }

    private JsonOut assessment(Assessment a, Provenance p) {
        return JsonOut.object()
                .put("udrednings_id", p.sourceDocumentId())
                .put("art", a.kind().name())
                .put("metode", a.method())
                .put("afsluttet", a.completedOn())
                .array(
                        "temaer",
                        a.findings().stream()
                                .map(
                                        f ->
                                                JsonOut.object()
                                                        .put(
                                                                "tema",
                                                                Codes.nativeTheme(
                                                                        f.theme(), themeCodes))
                                                        .put("tema_kode", f.theme().code().name())
                                                        .put("kilde_tema", f.theme().source())
                                                        .put("vurdering", f.text()))
                                .toList())
                .put("samlet_vurdering", a.conclusion());
    }

    private static JsonOut jobplan(Jobplan j, Provenance p) {
        return JsonOut.object()
                .put("plan_id", p.sourceDocumentId())
                .put("revision", p.sourceVersion())
                .put("maalgruppe", j.targetGroup())
                .put("uddannelsesmaal", j.educationGoal())
                .put("beskaeftigelsesmaal", j.employmentGoal())
                .array(
                        "aktiviteter",
                        j.activities().stream()
                                .map(
                                        a ->
                                                JsonOut.object()
                                                        .put("type", a.type())
                                                        .put("beskrivelse", a.description())
                                                        .put("start", a.startDate())
                                                        .put("slut", a.endDate()))
                                .toList())
                .put("naeste_opfoelgning", j.nextFollowUp());
    }

    private JsonOut educationStatus(EducationStatus s) {
        return JsonOut.object()
                .put("status", statusCodes.getOrDefault(s.status(), s.status().name()))
                .put("status_kode", s.status().name())
                .put("dato", s.effectiveDate())
                .put("institution", s.institution())
                .put("uddannelse", s.programme());
    }

    private static JsonOut consent(Consent c, Provenance p) {
        return JsonOut.object()
                .put("samtykke_id", p.sourceDocumentId())
                .put("status", c.status() == Consent.Status.GIVEN ? "GIVET" : "TILBAGEKALDT")
                .put("givet_af", c.givenBy() == Consent.GivenBy.PARENT ? "FORAELDER" : "UNG")
                .put("foraelder_cpr", c.parentCpr())
                .strings("modtagere", c.recipients())
                .strings(
                        "dokumenttyper",
                        c.documentTypes().stream()
                                .map(t -> t.equals(Consent.ALL_TYPES) ? "alle" : t)
                                .toList())
                .put("gyldig_fra", c.validFrom())
                .put("gyldig_til", c.validTo());
    }

    private static JsonOut caseworker(Caseworker c) {
        return c == null
                ? null
                : JsonOut.object()
                        .put("navn", c.name())
                        .put("enhed", c.unit())
                        .put("email", c.email());
    }

    private static String text(LegalBasis b) {
        return b == null ? null : b.text();
    }
}
