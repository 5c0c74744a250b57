package dk.youthhub.hub.core;

import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Handleplan;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.canonical.ThemeCode;
import java.util.Map;
import java.util.Set;

/**
 * What each recipient may see, applied before rendering: goals and findings in excluded themes are
 * left out.
 *
 * @param excludedThemes per recipient, the canonical themes it never receives
 */
public record Minimisation(Map<SourceSystem, Set<ThemeCode>> excludedThemes) {

    /** The contract's default: the job centre never gets family or health goals and findings. */
    public static Minimisation contractDefault() {
        return new Minimisation(
                Map.of(SourceSystem.JOBCENTER, Set.of(ThemeCode.FAMILY, ThemeCode.HEALTH)));
    }

    public CanonicalDocument forRecipient(CanonicalDocument doc, SourceSystem recipient) {
        Set<ThemeCode> excluded = excludedThemes.getOrDefault(recipient, Set.of());
        if (excluded.isEmpty()) {
            return doc;
        }
        if (doc.handleplan() != null) {
            Handleplan h = doc.handleplan();
            return doc.withHandleplan(
                    new Handleplan(
                            h.legalBasis(),
                            h.validFrom(),
                            h.followUpDate(),
                            h.purpose(),
                            h.goals().stream()
                                    .filter(g -> !excluded.contains(g.theme().code()))
                                    .toList(),
                            h.measures(),
                            h.transitionToAdultLife()));
        }
        if (doc.assessment() != null) {
            Assessment a = doc.assessment();
            return doc.withAssessment(
                    new Assessment(
                            a.kind(),
                            a.method(),
                            a.completedOn(),
                            a.findings().stream()
                                    .filter(f -> !excluded.contains(f.theme().code()))
                                    .toList(),
                            a.conclusion()));
        }
        return doc;
    }
}
