package dk.youthhub.canonical;

import java.time.LocalDate;
import java.util.List;

/**
 * The goals-and-agreements form (mål- og aftaleskema): one per young person, consolidated from the
 * latest handleplans, the latest jobplan, the education status and the meetings' agreements, each
 * part with its origin. The hub authors it and makes a new version whenever an input changes.
 */
public record GoalAgreement(List<Part> goals, List<Part> agreements, Education education)
        implements Payload {

    /**
     * A goal or an agreement.
     *
     * @param theme null for an agreement without one
     * @param responsible an agreement's responsible role or system; null for a goal
     */
    public record Part(
            String text, Theme theme, LocalDate due, String responsible, Origin origin) {}

    /** The latest education status, with its origin. */
    public record Education(EducationStatus.Status status, LocalDate since, Origin origin) {}

    /** Where a part comes from: the system, the canonical document and its version. */
    public record Origin(SourceSystem system, String documentId, long version) {}

    @Override
    public DocumentType type() {
        return DocumentType.GOAL_AGREEMENT;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.goalAgreement(this);
    }
}
