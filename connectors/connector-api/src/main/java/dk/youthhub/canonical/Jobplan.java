package dk.youthhub.canonical;

import java.time.LocalDate;
import java.util.List;

/** The job centre's plan ("Min Plan"). */
public record Jobplan(
        String targetGroup,
        String educationGoal,
        String employmentGoal,
        List<Activity> activities,
        LocalDate nextFollowUp)
        implements Payload {

    @Override
    public DocumentType type() {
        return DocumentType.JOBPLAN;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.jobplan(this);
    }

    public record Activity(
            String type, String description, LocalDate startDate, LocalDate endDate) {}
}
