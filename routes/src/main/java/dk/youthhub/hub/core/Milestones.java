package dk.youthhub.hub.core;

import dk.youthhub.canonical.Meeting;
import dk.youthhub.canonical.Milestone;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The collaboration model's milestones of one young person ({@code collaboration.md}): their dates
 * from the birth date, their statuses on a day, and which are to be acted on. Pure.
 */
public final class Milestones {
    /** A statutory meeting is {@code DUE} from this many days before its date... */
    static final int DUE_BEFORE_DAYS = 30;

    /** ...to this many days after it, both included; {@code OVERDUE} after that. */
    static final int DUE_AFTER_DAYS = 60;

    private static final Map<Milestone.Kind, Period> AGE =
            Map.of(
                    Milestone.Kind.IN_SCOPE, Period.ofYears(15),
                    Milestone.Kind.MEETING_16, Period.ofYears(16),
                    Milestone.Kind.HANDOVER_17_5, Period.of(17, 6, 0),
                    Milestone.Kind.ADULT_18, Period.ofYears(18),
                    Milestone.Kind.MEETING_18_5, Period.of(18, 6, 0),
                    Milestone.Kind.OUT_OF_SCOPE_23, Period.ofYears(23));

    private static final Map<Milestone.Kind, Meeting.Kind> STATUTORY =
            Map.of(
                    Milestone.Kind.MEETING_16, Meeting.Kind.STATUTORY_16,
                    Milestone.Kind.HANDOVER_17_5, Meeting.Kind.STATUTORY_17_5,
                    Milestone.Kind.MEETING_18_5, Meeting.Kind.STATUTORY_18_5);

    private Milestones() {}

    /** A milestone's status on a day. */
    public enum Status {
        HELD,
        NOT_APPLICABLE,
        UPCOMING,
        DUE,
        OVERDUE,
        PASSED
    }

    /** One milestone of one young person. */
    public record Entry(Milestone.Kind milestone, LocalDate date, Status status) {}

    public static LocalDate date(LocalDate born, Milestone.Kind milestone) {
        return Ages.reached(born, AGE.get(milestone));
    }

    /** The statutory meeting a milestone calls for, if any. */
    public static java.util.Optional<Meeting.Kind> meeting(Milestone.Kind milestone) {
        return java.util.Optional.ofNullable(STATUTORY.get(milestone));
    }

    /**
     * Every milestone with its date and status on {@code today}.
     *
     * @param firstSeen the day the hub first processed a document about the young person
     * @param held the kinds of meeting registered for them
     */
    public static List<Entry> of(
            LocalDate born, LocalDate firstSeen, Set<Meeting.Kind> held, LocalDate today) {
        List<Entry> out = new ArrayList<>();
        for (Milestone.Kind m : Milestone.Kind.values()) {
            LocalDate date = date(born, m);
            out.add(new Entry(m, date, status(m, date, firstSeen, held, today)));
        }
        return out;
    }

    private static Status status(
            Milestone.Kind m,
            LocalDate date,
            LocalDate firstSeen,
            Set<Meeting.Kind> held,
            LocalDate today) {
        Meeting.Kind meeting = STATUTORY.get(m);
        if (meeting == null) {
            return today.isBefore(date) ? Status.UPCOMING : Status.PASSED;
        }
        if (held.contains(meeting)) {
            return Status.HELD;
        }
        LocalDate windowEnd = date.plusDays(DUE_AFTER_DAYS);
        if (windowEnd.isBefore(firstSeen)) {
            return Status.NOT_APPLICABLE;
        }
        if (today.isBefore(date.minusDays(DUE_BEFORE_DAYS))) {
            return Status.UPCOMING;
        }
        return today.isAfter(windowEnd) ? Status.OVERDUE : Status.DUE;
    }

    /**
     * The milestones to act on now: reached by {@code today}, not before the young person entered
     * (those are recorded, never acted on), and not acted on yet; in date order.
     */
    public static List<Milestone.Kind> toActOn(
            LocalDate born, LocalDate firstSeen, Set<Milestone.Kind> acted, LocalDate today) {
        List<Milestone.Kind> out = new ArrayList<>();
        for (Milestone.Kind m : Milestone.Kind.values()) {
            LocalDate date = date(born, m);
            if (!acted.contains(m) && !date.isAfter(today) && !date.isBefore(firstSeen)) {
                out.add(m);
            }
        }
        return out;
    }
}
