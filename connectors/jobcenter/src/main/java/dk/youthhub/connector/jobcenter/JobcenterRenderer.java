package dk.youthhub.connector.jobcenter;

import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.canonical.GoalAgreement;
import dk.youthhub.canonical.Handleplan;
import dk.youthhub.canonical.Jobplan;
import dk.youthhub.canonical.Meeting;
import dk.youthhub.canonical.Milestone;
import dk.youthhub.canonical.Payload;
import dk.youthhub.canonical.Provenance;
import dk.youthhub.canonical.Theme;
import dk.youthhub.connector.OutboundRenderer;
import dk.youthhub.connector.kit.Envelope;
import dk.youthhub.connector.kit.JsonOut;
import java.util.Map;

/**
 * Canonical documents as job-centre camelCase JSON deliveries: the job centre's own {@code jobplan}
 * and {@code resourceProfile} shapes, hub-defined {@code actionPlan}, {@code assessment}, {@code
 * educationStatus} and {@code consent} (README).
 */
public final class JobcenterRenderer implements OutboundRenderer {

    /** The envelope in the job centre's camelCase. */
    static final Envelope ENVELOPE =
            new Envelope(
                    Map.ofEntries(
                            Map.entry(Envelope.Field.DOCUMENT_ID, "documentId"),
                            Map.entry(Envelope.Field.DOCUMENT_TYPE, "documentType"),
                            Map.entry(Envelope.Field.VERSION, "version"),
                            Map.entry(Envelope.Field.ORIGIN, "originSystem"),
                            Map.entry(Envelope.Field.SOURCE, "source"),
                            Map.entry(Envelope.Field.SOURCE_EVENT_ID, "eventId"),
                            Map.entry(Envelope.Field.SOURCE_EVENT_TYPE, "eventType"),
                            Map.entry(Envelope.Field.SOURCE_CASE_ID, "caseId"),
                            Map.entry(Envelope.Field.SOURCE_DOCUMENT_ID, "documentId"),
                            Map.entry(Envelope.Field.SOURCE_VERSION, "version"),
                            Map.entry(Envelope.Field.TIME, "occurredAt"),
                            Map.entry(Envelope.Field.MUNICIPALITY, "municipalityCode"),
                            Map.entry(Envelope.Field.PERSON, "citizen"),
                            Map.entry(Envelope.Field.CPR, "cprNumber"),
                            Map.entry(Envelope.Field.FIRST_NAME, "firstName"),
                            Map.entry(Envelope.Field.LAST_NAME, "lastName"),
                            Map.entry(Envelope.Field.CASEWORKER, "caseworker"),
                            Map.entry(Envelope.Field.CASEWORKER_NAME, "name"),
                            Map.entry(Envelope.Field.CASEWORKER_UNIT, "unit"),
                            Map.entry(Envelope.Field.CASEWORKER_EMAIL, "email"),
                            Map.entry(Envelope.Field.HANDOVER, "handover")));

    @Override
    public byte[] render(CanonicalDocument d, boolean handover) {
        Provenance p = d.provenance();
        JsonOut out = JsonOut.object().fields(ENVELOPE.of(d, handover));
        d.payload()
                .accept(
                        new Payload.Visitor<JsonOut>() {
                            @Override
                            public JsonOut handleplan(Handleplan h) {
                                return out.put("actionPlan", actionPlan(h, p, d.version()));
                            }

                            @Override
                            public JsonOut jobplan(Jobplan j) {
                                return out.put("jobplan", JobcenterRenderer.jobplan(j, p));
                            }

                            @Override
                            public JsonOut assessment(Assessment a) {
                                return a.kind() == Assessment.Kind.RESOURCE_PROFILE
                                        ? out.put("resourceProfile", resourceProfile(a, p))
                                        : out.put("assessment", JobcenterRenderer.assessment(a, p));
                            }

                            @Override
                            public JsonOut consent(Consent c) {
                                return out.put("consent", JobcenterRenderer.consent(c, p));
                            }

                            @Override
                            public JsonOut educationStatus(EducationStatus e) {
                                return out.put(
                                        "educationStatus", JobcenterRenderer.educationStatus(e));
                            }

                            @Override
                            public JsonOut meeting(Meeting m) {
                                return out.put("meeting", JobcenterRenderer.meeting(m));
                            }

                            @Override
                            public JsonOut goalAgreement(GoalAgreement g) {
                                return out.put(
                                        "goalsAndAgreements", JobcenterRenderer.goalAgreement(g));
                            }

                            @Override
                            public JsonOut milestone(Milestone m) {
                                return out.put(
                                        "milestone",
                                        JsonOut.object()
                                                .put("milestone", m.milestone().name())
                                                .put("date", m.date()));
                            }
                        });
        return out.bytes();
    }

    private static JsonOut actionPlan(Handleplan h, Provenance p, long version) {
        return JsonOut.object()
                .put("planId", p.sourceDocumentId())
                .put("version", version)
                .put("legalBasis", h.legalBasis().text())
                .put("validFrom", h.validFrom())
                .put("followUpDate", h.followUpDate())
                .put("purpose", h.purpose())
                .array(
                        "goals",
                        h.goals().stream()
                                .map(
                                        g ->
                                                theme(JsonOut.object(), g.theme())
                                                        .put("text", g.text())
                                                        .put("deadline", g.deadline()))
                                .toList())
                .array(
                        "measures",
                        h.measures().stream()
                                .map(
                                        m ->
                                                JsonOut.object()
                                                        .put("legalBasis", m.legalBasis().text())
                                                        .put("description", m.description())
                                                        .put("startDate", m.start())
                                                        .put("endDate", m.end()))
                                .toList())
                .put(
                        "transitionToAdultLife",
                        h.transitionToAdultLife() == null
                                ? null
                                : JsonOut.object()
                                        .put(
                                                "educationGoal",
                                                h.transitionToAdultLife().educationGoal())
                                        .put(
                                                "employmentGoal",
                                                h.transitionToAdultLife().employmentGoal())
                                        .put("housing", h.transitionToAdultLife().housing()));
    }

    private static JsonOut jobplan(Jobplan j, Provenance p) {
        return JsonOut.object()
                .put("planId", p.sourceDocumentId())
                .put("revision", p.sourceVersion())
                .put("targetGroup", j.targetGroup())
                .put("educationGoal", j.educationGoal())
                .put("employmentGoal", j.employmentGoal())
                .array(
                        "activities",
                        j.activities().stream()
                                .map(
                                        a ->
                                                JsonOut.object()
                                                        .put("type", a.type())
                                                        .put("description", a.description())
                                                        .put("startDate", a.startDate())
                                                        .put("endDate", a.endDate()))
                                .toList())
                .put("nextFollowUp", j.nextFollowUp());
    }

    private static JsonOut resourceProfile(Assessment a, Provenance p) {
        return JsonOut.object()
                .put("profileId", p.sourceDocumentId())
                .put("kind", a.kind().name())
                .put("completedOn", a.completedOn())
                .array(
                        "elements",
                        a.findings().stream()
                                .map(
                                        f ->
                                                JsonOut.object()
                                                        .put("element", f.theme().code().name())
                                                        .put("assessment", f.text()))
                                .toList())
                .put("summary", a.conclusion());
    }

    private static JsonOut assessment(Assessment a, Provenance p) {
        return JsonOut.object()
                .put("assessmentId", p.sourceDocumentId())
                .put("kind", a.kind().name())
                .put("method", a.method())
                .put("completedOn", a.completedOn())
                .array(
                        "findings",
                        a.findings().stream()
                                .map(f -> theme(JsonOut.object(), f.theme()).put("text", f.text()))
                                .toList())
                .put("conclusion", a.conclusion());
    }

    private static JsonOut educationStatus(EducationStatus s) {
        return JsonOut.object()
                .put("status", s.status().name())
                .put("effectiveDate", s.effectiveDate())
                .put("institution", s.institution())
                .put("programme", s.programme());
    }

    private static JsonOut consent(Consent c, Provenance p) {
        return JsonOut.object()
                .put("consentId", p.sourceDocumentId())
                .put("status", c.status().name())
                .put("givenBy", c.givenBy().name())
                .put("parentCprNumber", c.parentCpr())
                .strings("recipients", c.recipients())
                .strings("documentTypes", c.documentTypes())
                .put("validFrom", c.validFrom())
                .put("validTo", c.validTo());
    }

    /** The job centre has no theme codes of its own but its elements: the canonical code it is. */
    private static JsonOut meeting(Meeting m) {
        return JsonOut.object()
                .put("meetingId", m.meetingId())
                .put("kind", m.kind().name())
                .put("date", m.date())
                .put("municipalityCode", m.kommune())
                .strings("participants", m.participants())
                .array(
                        "agreements",
                        m.agreements().stream()
                                .map(
                                        a ->
                                                optionalTheme(JsonOut.object(), a.theme())
                                                        .put("text", a.text())
                                                        .put("responsible", a.responsible())
                                                        .put("due", a.due()))
                                .toList());
    }

    private static JsonOut goalAgreement(GoalAgreement g) {
        GoalAgreement.Education e = g.education();
        return JsonOut.object()
                .array("goals", g.goals().stream().map(JobcenterRenderer::part).toList())
                .array("agreements", g.agreements().stream().map(JobcenterRenderer::part).toList())
                .put(
                        "educationStatus",
                        e == null
                                ? null
                                : JsonOut.object()
                                        .put("status", e.status().name())
                                        .put("since", e.since())
                                        .put("origin", origin(e.origin())));
    }

    private static JsonOut part(GoalAgreement.Part part) {
        return optionalTheme(JsonOut.object(), part.theme())
                .put("text", part.text())
                .put("responsible", part.responsible())
                .put("due", part.due())
                .put("origin", origin(part.origin()));
    }

    private static JsonOut origin(GoalAgreement.Origin o) {
        return JsonOut.object()
                .put("system", o.system().id())
                .put("documentId", o.documentId())
                .put("version", o.version());
    }

    private static JsonOut optionalTheme(JsonOut o, Theme t) {
        return t == null ? o : theme(o, t);
    }

    private static JsonOut theme(JsonOut o, Theme t) {
        return o.put("theme", t.code().name()).put("sourceTheme", t.source());
    }
}
