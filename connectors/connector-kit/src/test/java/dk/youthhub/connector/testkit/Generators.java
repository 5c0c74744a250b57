package dk.youthhub.connector.testkit;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Building blocks for generated native documents. */
public final class Generators {
    /** Letters a Danish caseworker types, plus characters XML and JSON must escape. */
    private static final String CHARS = "abcdefghijklmnopqrstuvwxyzæøåÆØÅ <>&\"'§-.,;:/()";

    private Generators() {}

    /** Free text without surrounding white space (mappers keep text as sent, stripped). */
    public static Arbitrary<String> text() {
        return Arbitraries.strings()
                .withChars(CHARS)
                .ofMinLength(1)
                .ofMaxLength(40)
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    /** An id as sources send them: letters, digits and dashes. */
    public static Arbitrary<String> id() {
        return Arbitraries.strings()
                .withCharRange('A', 'Z')
                .numeric()
                .withChars('-')
                .ofMinLength(1)
                .ofMaxLength(16)
                .filter(s -> !s.startsWith("-"));
    }

    public static Arbitrary<LocalDate> date() {
        return Arbitraries.integers()
                .between(0, 3650)
                .map(d -> LocalDate.of(2020, 1, 1).plusDays(d));
    }

    /**
     * A valid CPR number of someone born 2003-2011 (aged 15-23 in 2026), with or without the dash.
     */
    public static Arbitrary<String> cpr() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 9 * 365),
                        Arbitraries.integers().between(0, 999),
                        Arbitraries.of(true, false))
                .as(
                        (days, serial, dash) -> {
                            LocalDate born = LocalDate.of(2003, 1, 1).plusDays(days);
                            String date =
                                    String.format(
                                            "%02d%02d%02d",
                                            born.getDayOfMonth(),
                                            born.getMonthValue(),
                                            born.getYear() % 100);
                            String tail = String.format("4%03d", serial);
                            return dash ? date + "-" + tail : date + tail;
                        });
    }

    /** A value or null, about half the time each. */
    public static <T> Arbitrary<T> optional(Arbitrary<T> a) {
        return a.injectNull(0.5);
    }
}
