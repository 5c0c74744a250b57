package dk.youthhub.hub.core;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.time.ZoneId;

/**
 * Ages from birth dates, reckoned in Europe/Copenhagen. Someone born on 29 February has their
 * birthday on 1 March in years without one, as under Danish law.
 */
public final class Ages {
    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private Ages() {}

    /** The day someone born on {@code born} turns {@code years} years old. */
    public static LocalDate birthday(LocalDate born, int years) {
        LocalDate day = born.plusYears(years);
        if (born.getMonth() == Month.FEBRUARY
                && born.getDayOfMonth() == 29
                && day.getDayOfMonth() == 28) {
            return day.plusDays(1);
        }
        return day;
    }

    /** The day an age given as a period (e.g. {@code P17Y6M}) is reached. */
    public static LocalDate reached(LocalDate born, Period age) {
        return birthday(born, age.getYears()).plusMonths(age.getMonths()).plusDays(age.getDays());
    }

    /** Whether someone born on {@code born} has reached {@code age} on {@code day}. */
    public static boolean hasReached(LocalDate born, Period age, LocalDate day) {
        return !day.isBefore(reached(born, age));
    }
}
