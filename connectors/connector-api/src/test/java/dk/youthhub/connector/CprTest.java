package dk.youthhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CprTest {

    @ParameterizedTest(name = "{0} is born {1}")
    @CsvSource({
        // 7th digit 0-3: 1900-1999
        "0101000000, 1900-01-01",
        "3112993999, 1999-12-31",
        // 4 and 9: 2000-2036 for 00-36, else 1937-1999
        "0101364000, 2036-01-01",
        "0101374000, 1937-01-01",
        "0101369000, 2036-01-01",
        "0101379999, 1937-01-01",
        // 5-8: 2000-2057 for 00-57, else 1858-1899
        "0101575000, 2057-01-01",
        "0101585000, 1858-01-01",
        "3112998999, 1899-12-31",
        "0101008999, 2000-01-01",
        // leap days
        "2902004000, 2000-02-29",
        "2902961234, 1996-02-29",
        "2902084127, 2008-02-29",
        // the contract's examples, with and without the dash
        "120309-4127, 2009-03-12",
        "0511074231, 2007-11-05",
        "240907-4982, 2007-09-24",
    })
    void parsesCenturyAndDate(String raw, LocalDate born) {
        Cpr cpr = Cpr.parse(raw).orElseThrow();
        assertThat(cpr.birthDate()).isEqualTo(born);
        assertThat(cpr.digits()).hasSize(10).doesNotContain("-");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2902014000", // 29 Feb 2001: not a leap year
                "2902970000", // 29 Feb 1997
                "2902585000", // 29 Feb 1858: not a leap year
                "3204091234", // 32 April
                "0013091234", // month 13
                "0000091234", // day 0
                "12030941270", // 11 digits
                "120309412", // 9 digits
                "12030-94127", // dash in the wrong place
                "120309 4127", // space inside
                "12O3094127", // letter O
                "abcdefghij",
                "",
                "   ",
                "120309--4127",
                "１２０３０９４１２７" // full-width digits
            })
    void rejectsInvalidNumbers(String raw) {
        assertThat(Cpr.parse(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {" 1203094127", "1203094127 ", "\t120309-4127\n"})
    void ignoresSurroundingWhiteSpace(String raw) {
        assertThat(Cpr.parse(raw).orElseThrow().digits()).isEqualTo("1203094127");
    }

    @org.junit.jupiter.api.Test
    void noModulus11Check() {
        // 1203094127 fails modulus 11; it is valid all the same.
        int[] weights = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
        String digits = "1203094127";
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        assertThat(sum % 11).isNotZero();
        assertThat(Cpr.parse(digits)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void toStringNeverShowsTheNumber() {
        assertThat(Cpr.parse("1203094127").orElseThrow().toString()).doesNotContain("1203094127");
    }

    @org.junit.jupiter.api.Test
    void nullIsInvalid() {
        assertThat(Cpr.parse(null)).isEmpty();
    }
}
