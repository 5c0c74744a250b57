package dk.youthhub.hub.core;

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
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.canonical.Theme;
import dk.youthhub.canonical.ThemeCode;
import java.util.Map;
import java.util.Set;

/**
 * What each recipient may see, applied before rendering: goals, findings and agreements in withheld
 * themes are left out (in the goals-and-agreements form, except the recipient's own parts), and for
 * a recipient outside social services a child assessment's conclusion.
 *
 * @param rules per recipient; a recipient without one sees everything
 */
public record Minimisation(Map<SourceSystem, Rule> rules) {

    /**
     * @param withheldThemes canonical themes whose goals and findings it never receives
     * @param childAssessmentConclusion whether a child assessment's conclusion is withheld
     */
    public record Rule(Set<ThemeCode> withheldThemes, boolean childAssessmentConclusion) {
        public Rule {
            withheldThemes = Set.copyOf(withheldThemes);
        }
    }

    /** A part without a theme is shown; one in a withheld theme is not. */
    private static boolean shown(Theme theme, Set<ThemeCode> withheld) {
        return theme == null || !withheld.contains(theme.code());
    }

    /** A part of the form: a recipient always sees the parts from its own system. */
    private static boolean shown(
            GoalAgreement.Part part, SourceSystem recipient, Set<ThemeCode> withheld) {
        return part.origin().system().equals(recipient) || shown(part.theme(), withheld);
    }

    /** Whether a recipient sees a part of this theme (none: shown). */
    public boolean shows(SourceSystem recipient, Theme theme) {
        Rule rule = rules.get(recipient);
        return rule == null || shown(theme, rule.withheldThemes());
    }

    public CanonicalDocument forRecipient(CanonicalDocument doc, SourceSystem recipient) {
        Rule rule = rules.get(recipient);
        if (rule == null) {
            return doc;
        }
        Set<ThemeCode> withheld = rule.withheldThemes();
        return doc.with(
                doc.payload()
                        .accept(
                                new Payload.Visitor<Payload>() {
                                    @Override
                                    public Payload handleplan(Handleplan h) {
                                        return new Handleplan(
                                                h.legalBasis(),
                                                h.validFrom(),
                                                h.followUpDate(),
                                                h.purpose(),
                                                h.goals().stream()
                                                        .filter(
                                                                g ->
                                                                        !withheld.contains(
                                                                                g.theme().code()))
                                                        .toList(),
                                                h.measures(),
                                                h.transitionToAdultLife());
                                    }

                                    @Override
                                    public Payload assessment(Assessment a) {
                                        boolean withholdConclusion =
                                                rule.childAssessmentConclusion()
                                                        && a.kind()
                                                                == Assessment.Kind.CHILD_ASSESSMENT;
                                        return new Assessment(
                                                a.kind(),
                                                a.method(),
                                                a.completedOn(),
                                                a.findings().stream()
                                                        .filter(
                                                                f ->
                                                                        !withheld.contains(
                                                                                f.theme().code()))
                                                        .toList(),
                                                withholdConclusion ? null : a.conclusion());
                                    }

                                    @Override
                                    public Payload jobplan(Jobplan j) {
                                        return j;
                                    }

                                    @Override
                                    public Payload consent(Consent c) {
                                        return c;
                                    }

                                    @Override
                                    public Payload educationStatus(EducationStatus s) {
                                        return s;
                                    }

                                    @Override
                                    public Payload meeting(Meeting m) {
                                        return new Meeting(
                                                m.meetingId(),
                                                m.kind(),
                                                m.date(),
                                                m.kommune(),
                                                m.participants(),
                                                m.agreements().stream()
                                                        .filter(a -> shown(a.theme(), withheld))
                                                        .toList());
                                    }

                                    @Override
                                    public Payload goalAgreement(GoalAgreement g) {
                                        return new GoalAgreement(
                                                g.goals().stream()
                                                        .filter(p -> shown(p, recipient, withheld))
                                                        .toList(),
                                                g.agreements().stream()
                                                        .filter(p -> shown(p, recipient, withheld))
                                                        .toList(),
                                                g.education());
                                    }

                                    @Override
                                    public Payload milestone(Milestone m) {
                                        return m;
                                    }
                                }));
    }
}
