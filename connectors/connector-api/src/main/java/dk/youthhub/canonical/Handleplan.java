package dk.youthhub.canonical;

import java.time.LocalDate;
import java.util.List;

/** An action plan (§140 child, §141 adult). */
public record Handleplan(
        LegalBasis legalBasis,
        LocalDate validFrom,
        LocalDate followUpDate,
        String purpose,
        List<Goal> goals,
        List<Measure> measures,
        TransitionToAdultLife transitionToAdultLife)
        implements Payload {

    @Override
    public DocumentType type() {
        return DocumentType.HANDLEPLAN;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.handleplan(this);
    }

    public record Goal(Theme theme, String text, LocalDate deadline) {}

    public record Measure(
            LegalBasis legalBasis, String description, LocalDate start, LocalDate end) {}

    public record TransitionToAdultLife(
            String educationGoal, String employmentGoal, String housing) {}
}
