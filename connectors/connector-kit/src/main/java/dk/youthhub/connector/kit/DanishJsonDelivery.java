package dk.youthhub.connector.kit;

import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.canonical.GoalAgreement;
import dk.youthhub.canonical.Handleplan;
import dk.youthhub.canonical.Jobplan;
import dk.youthhub.canonical.LegalBasis;
import dk.youthhub.canonical.Meeting;
import dk.youthhub.canonical.Milestone;
import dk.youthhub.canonical.Payload;
import dk.youthhub.canonical.Provenance;
import dk.youthhub.canonical.Theme;
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

    /** The envelope in Danish snake_case, as the DHUV-like contract names it. */
    static final Envelope ENVELOPE =
            new Envelope(
                    Map.ofEntries(
                            Map.entry(Envelope.Field.DOCUMENT_ID, "dokument_id"),
                            Map.entry(Envelope.Field.DOCUMENT_TYPE, "dokument_type"),
                            Map.entry(Envelope.Field.VERSION, "version"),
                            Map.entry(Envelope.Field.ORIGIN, "afsender"),
                            Map.entry(Envelope.Field.SOURCE, "kilde"),
                            Map.entry(Envelope.Field.SOURCE_EVENT_ID, "haendelse_id"),
                            Map.entry(Envelope.Field.SOURCE_EVENT_TYPE, "haendelse_type"),
                            Map.entry(Envelope.Field.SOURCE_CASE_ID, "sags_nr"),
                            Map.entry(Envelope.Field.SOURCE_DOCUMENT_ID, "dokument_id"),
                            Map.entry(Envelope.Field.SOURCE_VERSION, "version"),
                            Map.entry(Envelope.Field.TIME, "tidspunkt"),
                            Map.entry(Envelope.Field.MUNICIPALITY, "kommune"),
                            Map.entry(Envelope.Field.PERSON, "borger"),
                            Map.entry(Envelope.Field.CPR, "cpr"),
                            Map.entry(Envelope.Field.FIRST_NAME, "fornavn"),
                            Map.entry(Envelope.Field.LAST_NAME, "efternavn"),
                            Map.entry(Envelope.Field.CASEWORKER, "sagsbehandler"),
                            Map.entry(Envelope.Field.CASEWORKER_NAME, "navn"),
                            Map.entry(Envelope.Field.CASEWORKER_UNIT, "enhed"),
                            Map.entry(Envelope.Field.CASEWORKER_EMAIL, "email"),
                            Map.entry(Envelope.Field.HANDOVER, "overdragelse")));

    @Override
    public byte[] render(CanonicalDocument d, boolean handover) {
        Provenance p = d.provenance();
        JsonOut out = JsonOut.object().fields(ENVELOPE.of(d, handover));
        d.payload()
                .accept(
                        new Payload.Visitor<JsonOut>() {
                            @Override
                            public JsonOut handleplan(Handleplan h) {
                                return out.put(
                                        "handleplan",
                                        DanishJsonDelivery.this.handleplan(h, p, d.version()));
                            }

                            @Override
                            public JsonOut jobplan(Jobplan j) {
                                return out.put("jobplan", DanishJsonDelivery.this.jobplan(j, p));
                            }

                            @Override
                            public JsonOut assessment(Assessment a) {
                                return out.put(
                                        "udredning", DanishJsonDelivery.this.assessment(a, p));
                            }

                            @Override
                            public JsonOut consent(Consent c) {
                                return out.put("samtykke", DanishJsonDelivery.this.consent(c, p));
                            }

                            @Override
                            public JsonOut educationStatus(EducationStatus e) {
                                return out.put(
                                        "uddannelsesstatus",
                                        DanishJsonDelivery.this.educationStatus(e));
                            }

                            @Override
                            public JsonOut meeting(Meeting m) {
                                return out.put("moede", DanishJsonDelivery.this.meeting(m));
                            }

                            @Override
                            public JsonOut goalAgreement(GoalAgreement g) {
                                return out.put(
                                        "maal_og_aftaleskema",
                                        DanishJsonDelivery.this.goalAgreement(g));
                            }

                            @Override
                            public JsonOut milestone(Milestone m) {
                                return out.put(
                                        "milepael",
                                        JsonOut.object()
                                                .put("milepael", m.milestone().name())
                                                .put("dato", m.date()));
                            }
                        });
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

    private JsonOut meeting(Meeting m) {
        return JsonOut.object()
                .put("moede_id", m.meetingId())
                .put("art", m.kind().name())
                .put("dato", m.date())
                .put("kommune", m.kommune())
                .strings("deltagere", m.participants())
                .array(
                        "aftaler",
                        m.agreements().stream()
                                .map(
                                        a ->
                                                theme(JsonOut.object(), a.theme())
                                                        .put("tekst", a.text())
                                                        .put("ansvarlig", a.responsible())
                                                        .put("frist", a.due()))
                                .toList());
    }

    private JsonOut goalAgreement(GoalAgreement g) {
        GoalAgreement.Education e = g.education();
        return JsonOut.object()
                .array("maal", g.goals().stream().map(this::part).toList())
                .array("aftaler", g.agreements().stream().map(this::part).toList())
                .put(
                        "uddannelsesstatus",
                        e == null
                                ? null
                                : JsonOut.object()
                                        .put(
                                                "status",
                                                statusCodes.getOrDefault(
                                                        e.status(), e.status().name()))
                                        .put("status_kode", e.status().name())
                                        .put("siden", e.since())
                                        .put("oprindelse", origin(e.origin())));
    }

    private JsonOut part(GoalAgreement.Part part) {
        return theme(JsonOut.object(), part.theme())
                .put("tekst", part.text())
                .put("ansvarlig", part.responsible())
                .put("frist", part.due())
                .put("oprindelse", origin(part.origin()));
    }

    private static JsonOut origin(GoalAgreement.Origin o) {
        return JsonOut.object()
                .put("system", o.system().id())
                .put("dokument_id", o.documentId())
                .put("version", o.version());
    }

    /** {@code tema}, {@code tema_kode}, {@code kilde_tema}; nothing for a part without a theme. */
    private JsonOut theme(JsonOut out, Theme t) {
        return t == null
                ? out
                : out.put("tema", Codes.nativeTheme(t, themeCodes))
                        .put("tema_kode", t.code().name())
                        .put("kilde_tema", t.source());
    }

    private static String text(LegalBasis b) {
        return b == null ? null : b.text();
    }
}
