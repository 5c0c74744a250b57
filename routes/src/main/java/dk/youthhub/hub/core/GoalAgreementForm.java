package dk.youthhub.hub.core;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.GoalAgreement;
import dk.youthhub.canonical.Handleplan;
import dk.youthhub.canonical.Jobplan;
import dk.youthhub.canonical.Meeting;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.canonical.Theme;
import dk.youthhub.canonical.ThemeCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The goals-and-agreements form (mål- og aftaleskema) of one young person, consolidated from their
 * latest documents ({@code collaboration.md}). Pure: the same inputs give the same form.
 *
 * <ul>
 *   <li>goals: those of each system's latest handleplan (by event time), then the education and
 *       employment goals of the latest jobplan (themes {@code EDUCATION}, {@code EMPLOYMENT});
 *   <li>agreements: those of every registered meeting, by meeting date and id;
 *   <li>education: the education status with the latest date (ties: the later processed).
 * </ul>
 */
public final class GoalAgreementForm {

    private GoalAgreementForm() {}

    /**
     * @param latest the latest accepted version of each of the young person's documents, in the
     *     order they were processed
     * @return empty when there is nothing to put in a form yet
     */
    public static Optional<GoalAgreement> of(List<CanonicalDocument> latest) {
        Map<SourceSystem, CanonicalDocument> plans = new LinkedHashMap<>();
        CanonicalDocument jobplan = null;
        CanonicalDocument education = null;
        List<CanonicalDocument> meetings = new ArrayList<>();
        for (CanonicalDocument d : latest) {
            switch (d.documentType()) {
                case HANDLEPLAN ->
                        plans.merge(d.provenance().sourceSystem(), d, GoalAgreementForm::later);
                case JOBPLAN -> jobplan = jobplan == null ? d : later(jobplan, d);
                case EDUCATION_STATUS ->
                        education =
                                education == null
                                                || !d.educationStatus()
                                                        .effectiveDate()
                                                        .isBefore(
                                                                education
                                                                        .educationStatus()
                                                                        .effectiveDate())
                                        ? d
                                        : education;
                case MEETING -> meetings.add(d);
                default -> {}
            }
        }
        List<GoalAgreement.Part> goals = new ArrayList<>();
        plans.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(
                        e -> {
                            for (Handleplan.Goal g : e.getValue().handleplan().goals()) {
                                goals.add(
                                        new GoalAgreement.Part(
                                                g.text(),
                                                g.theme(),
                                                g.deadline(),
                                                null,
                                                origin(e.getValue())));
                            }
                        });
        if (jobplan != null) {
            Jobplan j = jobplan.jobplan();
            addGoal(goals, j.educationGoal(), ThemeCode.EDUCATION, jobplan);
            addGoal(goals, j.employmentGoal(), ThemeCode.EMPLOYMENT, jobplan);
        }
        List<GoalAgreement.Part> agreements = new ArrayList<>();
        meetings.sort(
                Comparator.comparing((CanonicalDocument m) -> m.meeting().date())
                        .thenComparing(m -> m.meeting().meetingId()));
        for (CanonicalDocument m : meetings) {
            for (Meeting.Agreement a : m.meeting().agreements()) {
                agreements.add(
                        new GoalAgreement.Part(
                                a.text(), a.theme(), a.due(), a.responsible(), origin(m)));
            }
        }
        GoalAgreement.Education status =
                education == null
                        ? null
                        : new GoalAgreement.Education(
                                education.educationStatus().status(),
                                education.educationStatus().effectiveDate(),
                                origin(education));
        if (goals.isEmpty() && agreements.isEmpty() && status == null) {
            return Optional.empty();
        }
        return Optional.of(new GoalAgreement(goals, agreements, status));
    }

    /** Whether a document type is an input of the form: a new version of it may change the form. */
    public static boolean isInput(DocumentType type) {
        return type == DocumentType.HANDLEPLAN
                || type == DocumentType.JOBPLAN
                || type == DocumentType.EDUCATION_STATUS
                || type == DocumentType.MEETING;
    }

    private static void addGoal(
            List<GoalAgreement.Part> goals, String text, ThemeCode theme, CanonicalDocument from) {
        if (text != null && !text.isBlank()) {
            goals.add(
                    new GoalAgreement.Part(
                            text, new Theme(theme, theme.name()), null, null, origin(from)));
        }
    }

    private static GoalAgreement.Origin origin(CanonicalDocument d) {
        return new GoalAgreement.Origin(d.provenance().sourceSystem(), d.documentId(), d.version());
    }

    /** The later of two documents by event time; on a tie the one processed later. */
    private static CanonicalDocument later(CanonicalDocument a, CanonicalDocument b) {
        return b.provenance().eventTime().isBefore(a.provenance().eventTime()) ? a : b;
    }
}
