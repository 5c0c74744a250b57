package dk.youthhub.hub.core;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.canonical.Meeting;
import dk.youthhub.canonical.Milestone;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MilestonesTest {

    @Test
    void bornOnTheTwentyNinthOfFebruaryTheBirthdayIsTheFirstOfMarchInOtherYears() {
        LocalDate born = LocalDate.of(2008, 2, 29);
        assertThat(Milestones.date(born, Milestone.Kind.IN_SCOPE)).isEqualTo("2023-03-01");
        assertThat(Milestones.date(born, Milestone.Kind.MEETING_16)).isEqualTo("2024-02-29");
        assertThat(Milestones.date(born, Milestone.Kind.HANDOVER_17_5)).isEqualTo("2025-09-01");
        assertThat(Milestones.date(born, Milestone.Kind.ADULT_18)).isEqualTo("2026-03-01");
        assertThat(Milestones.date(born, Milestone.Kind.MEETING_18_5)).isEqualTo("2026-09-01");
        assertThat(Milestones.date(born, Milestone.Kind.OUT_OF_SCOPE_23)).isEqualTo("2031-03-01");
    }

    @Test
    void sixMonthsAfterTheThirtyFirstOfDecemberIsTheLastOfJune() {
        LocalDate born = LocalDate.of(2008, 12, 31);
        assertThat(Milestones.date(born, Milestone.Kind.HANDOVER_17_5)).isEqualTo("2026-06-30");
        assertThat(Milestones.date(born, Milestone.Kind.MEETING_18_5)).isEqualTo("2027-06-30");
    }

    @Test
    void aStatutoryMeetingIsDueFromThirtyDaysBeforeToSixtyDaysAfterItsDate() {
        LocalDate born = LocalDate.of(2010, 5, 10);
        LocalDate sixteen = LocalDate.of(2026, 5, 10);
        LocalDate seen = LocalDate.of(2025, 1, 1);
        assertThat(status(born, seen, Set.of(), sixteen.minusDays(31)))
                .isEqualTo(Milestones.Status.UPCOMING);
        assertThat(status(born, seen, Set.of(), sixteen.minusDays(30)))
                .isEqualTo(Milestones.Status.DUE);
        assertThat(status(born, seen, Set.of(), sixteen.plusDays(60)))
                .isEqualTo(Milestones.Status.DUE);
        assertThat(status(born, seen, Set.of(), sixteen.plusDays(61)))
                .isEqualTo(Milestones.Status.OVERDUE);
        assertThat(status(born, seen, Set.of(Meeting.Kind.STATUTORY_16), sixteen.plusDays(61)))
                .as("held wins over every date")
                .isEqualTo(Milestones.Status.HELD);
        assertThat(status(born, sixteen.plusDays(61), Set.of(), sixteen.plusDays(90)))
                .as("its window had ended before the hub's first document")
                .isEqualTo(Milestones.Status.NOT_APPLICABLE);
        assertThat(status(born, sixteen.plusDays(60), Set.of(), sixteen.plusDays(90)))
                .isEqualTo(Milestones.Status.OVERDUE);
    }

    @Test
    void otherMilestonesArePassedOrUpcoming() {
        LocalDate born = LocalDate.of(2008, 6, 1);
        List<Milestones.Entry> all =
                Milestones.of(born, LocalDate.of(2024, 1, 1), Set.of(), LocalDate.of(2026, 6, 1));
        assertThat(all)
                .filteredOn(e -> e.milestone() == Milestone.Kind.ADULT_18)
                .extracting(Milestones.Entry::status)
                .containsExactly(Milestones.Status.PASSED);
        assertThat(all)
                .filteredOn(e -> e.milestone() == Milestone.Kind.OUT_OF_SCOPE_23)
                .extracting(Milestones.Entry::status)
                .containsExactly(Milestones.Status.UPCOMING);
    }

    @Test
    void turningSeventeenAndAHalfEighteenOrTwentyThreeTodayIsActedOnTodayNotTomorrow() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        LocalDate seen = LocalDate.of(2020, 1, 1);
        assertThat(act(LocalDate.of(2008, 12, 1), seen, today))
                .contains(Milestone.Kind.HANDOVER_17_5);
        assertThat(act(LocalDate.of(2008, 12, 2), seen, today))
                .doesNotContain(Milestone.Kind.HANDOVER_17_5);
        assertThat(act(LocalDate.of(2008, 6, 1), seen, today)).contains(Milestone.Kind.ADULT_18);
        assertThat(act(LocalDate.of(2008, 6, 2), seen, today))
                .doesNotContain(Milestone.Kind.ADULT_18);
        assertThat(act(LocalDate.of(2003, 6, 1), seen, today))
                .contains(Milestone.Kind.OUT_OF_SCOPE_23);
        assertThat(act(LocalDate.of(2003, 6, 2), seen, today))
                .doesNotContain(Milestone.Kind.OUT_OF_SCOPE_23);
    }

    @Test
    void aMilestoneActedOnOrBeforeTheYoungPersonEnteredIsNotActedOnAgain() {
        LocalDate born = LocalDate.of(2008, 12, 1);
        LocalDate today = LocalDate.of(2026, 6, 1);
        assertThat(
                        Milestones.toActOn(
                                born,
                                LocalDate.of(2020, 1, 1),
                                EnumSet.of(
                                        Milestone.Kind.IN_SCOPE,
                                        Milestone.Kind.MEETING_16,
                                        Milestone.Kind.HANDOVER_17_5),
                                today))
                .isEmpty();
        assertThat(Milestones.toActOn(born, today.plusDays(1), Set.of(), today.plusDays(1)))
                .as("entered the day after 17½: recorded, never acted on")
                .isEmpty();
        assertThat(Milestones.toActOn(born, today, Set.of(), today))
                .containsExactly(Milestone.Kind.HANDOVER_17_5);
    }

    private static Milestones.Status status(
            LocalDate born, LocalDate seen, Set<Meeting.Kind> held, LocalDate today) {
        return Milestones.of(born, seen, held, today).stream()
                .filter(e -> e.milestone() == Milestone.Kind.MEETING_16)
                .findFirst()
                .orElseThrow()
                .status();
    }

    private static List<Milestone.Kind> act(LocalDate born, LocalDate seen, LocalDate today) {
        return Milestones.toActOn(born, seen, Set.of(), today);
    }
}
