package dk.youthhub.canonical;

import java.time.LocalDate;

/** The youth guidance's education or employment status of a young person. */
public record EducationStatus(
        Status status, LocalDate effectiveDate, String institution, String programme)
        implements Payload {

    @Override
    public DocumentType type() {
        return DocumentType.EDUCATION_STATUS;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.educationStatus(this);
    }

    public enum Status {
        IN_EDUCATION,
        DROPPED_OUT,
        COMPLETED,
        EMPLOYED,
        NONE
    }
}
