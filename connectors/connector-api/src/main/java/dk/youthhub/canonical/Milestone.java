package dk.youthhub.canonical;

import java.time.LocalDate;

/** A milestone of the collaboration model reached on its date, announced by the hub. */
public record Milestone(Kind milestone, LocalDate date) implements Payload {

    public enum Kind {
        IN_SCOPE,
        MEETING_16,
        HANDOVER_17_5,
        ADULT_18,
        MEETING_18_5,
        OUT_OF_SCOPE_23
    }

    @Override
    public DocumentType type() {
        return DocumentType.MILESTONE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.milestone(this);
    }
}
