package dk.youthhub.connector.jobcenter;

import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.canonical.Handleplan;
import dk.youthhub.canonical.Jobplan;
import dk.youthhub.canonical.Provenance;
import dk.youthhub.canonical.Theme;
import dk.youthhub.connector.OutboundRenderer;
import dk.youthhub.connector.kit.JsonOut;

/**
 * Canonical documents as job-centre camelCase JSON deliveries: the job centre's own {@code jobplan}
 * and {@code resourceProfile} shapes, hub-defined {@code actionPlan}, {@code assessment}, {@code
 * educationStatus} and {@code consent} (README).
 */
public final class JobcenterRenderer implements OutboundRenderer {

    @Override
    public byte[] render(CanonicalDocument d) {
        Provenance p = d.provenance();
        JsonOut out =
                JsonOut.object()
                        .put("documentId", d.documentId())
                        .put("documentType", d.documentType().id())
                        .put("version", d.version())
                        .put("originSystem", p.sourceSystem().id())
                        .put(
                                "source",
                                JsonOut.object()
                                        .put("eventId", p.sourceEventId())
                                        .put("eventType", p.sourceEventType())
                                        .put("caseId", p.sourceCaseId())
                                        .put("documentId", p.sourceDocumentId())
                                        .put("version", p.sourceVersion()))
                        .put("occurredAt", p.eventTime())
                        .put("municipalityCode", d.municipalityCode())
                        .put(
                                "citizen",
                                JsonOut.object()
                                        .put("cprNumber", d.youngPerson().cpr())
                                        .put("firstName", d.youngPerson().firstName())
                                        .put("lastName", d.youngPerson().lastName()))
                        .put(
                                "caseworker",
                                d.caseworker() == null
                                        ? null
                                        : JsonOut.object()
                                                .put("name", d.caseworker().name())
                                                .put("unit", d.caseworker().unit())
                                                .put("email", d.caseworker().email()));
        if (d.handleplan() != null) {
            out.put("actionPlan", actionPlan(d.handleplan(), p, d.version()));
        }
        if (d.jobplan() != null) {
            out.put("jobplan", jobplan(d.jobplan(), p));
        }
        if (d.assessment() != null) {
            if (d.assessment().kind() == Assessment.Kind.RESOURCE_PROFILE) {
                out.put("resourceProfile", resourceProfile(d.assessment(), p));
            } else {
                out.put("assessment", assessment(d.assessment(), p));
            }
        }
        if (d.educationStatus() != null) {
            out.put("educationStatus", educationStatus(d.educationStatus()));
        }
        if (d.consent() != null) {
            out.put("consent", consent(d.consent(), p));
        }
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
    private static JsonOut theme(JsonOut o, Theme t) {
        return o.put("theme", t.code().name()).put("sourceTheme", t.source());
    }
}
