package dk.youthhub.connector;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A Danish CPR number, normalised to 10 digits. Accepted as {@code DDMMYYSSSS} or {@code
 * DDMMYY-SSSS}, surrounding white space ignored. The birth century follows from the 7th digit and
 * the year; the date must exist. No modulus-11 check: numbers issued since 2007 need not pass one.
 *
 * <p>{@link #toString()} never shows the number, so a CPR number cannot reach a log by accident.
 */
public final class Cpr {
    private final String digits;
    private final LocalDate birthDate;

    private Cpr(String digits, LocalDate birthDate) {
        this.digits = digits;
        this.birthDate = birthDate;
    }

    /** Parses a CPR number, or empty when it is not a valid one. */
    public static Optional<Cpr> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.length() == 11 && s.charAt(6) == '-') {
            s = s.substring(0, 6) + s.substring(7);
        }
        if (s.length() != 10) {
            return Optional.empty();
        }
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        int day = Integer.parseInt(s.substring(0, 2));
        int month = Integer.parseInt(s.substring(2, 4));
        int yy = Integer.parseInt(s.substring(4, 6));
        int seventh = s.charAt(6) - '0';
        try {
            return Optional.of(new Cpr(s, LocalDate.of(century(seventh, yy) + yy, month, day)));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    static int century(int seventhDigit, int yy) {
        if (seventhDigit <= 3) {
            return 1900;
        }
        if (seventhDigit == 4 || seventhDigit == 9) {
            return yy <= 36 ? 2000 : 1900;
        }
        return yy <= 57 ? 2000 : 1800;
    }

    /** The normalised 10 digits. Handle with care: personal data. */
    public String digits() {
        return digits;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cpr other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "Cpr[redacted]";
    }
}
