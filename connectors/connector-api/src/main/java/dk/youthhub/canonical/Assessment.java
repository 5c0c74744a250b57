package dk.youthhub.canonical;

import java.time.LocalDate;
import java.util.List;

/**
 * An assessment: the child assessment (§50), the adult assessment (VUM) or the job centre's
 * resource profile.
 *
 * @param method the source's method name where it sends one (VUM), else null
 */
public record Assessment(
        Kind kind, String method, LocalDate completedOn, List<Finding> findings, String conclusion)
        implements Payload {

    @Override
    public DocumentType type() {
        return DocumentType.ASSESSMENT;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.assessment(this);
    }

    public enum Kind {
        CHILD_ASSESSMENT,
        ADULT_ASSESSMENT,
        RESOURCE_PROFILE
    }

    public record Finding(Theme theme, String text) {}
}
