package dk.youthhub.hub.core;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.canonical.YoungPerson;
import dk.youthhub.hub.support.TestProps;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingPolicyTest {
    private final RoutingPolicy policy =
            TestProps.systems(TestProps.bind(java.util.Map.of())).routingPolicy();

    @ParameterizedTest(name = "born {0}, on {1}: in scope {2}")
    @CsvSource({
        // 15th birthday is the first day in scope
        "2011-03-12, 2026-03-11, false",
        "2011-03-12, 2026-03-12, true",
        // the 23rd birthday is the first day out of scope
        "2003-03-12, 2026-03-11, true",
        "2003-03-12, 2026-03-12, false",
        // born 29 February: 15 on 1 March in a year without 29 February
        "2012-02-29, 2027-02-28, false",
        "2012-02-29, 2027-03-01, true",
        // and on 29 February in a leap year
        "2016-02-29, 2031-02-28, false",
        "2016-02-29, 2031-03-01, true",
    })
    void scopeIsFromTheFifteenthToTheTwentyThirdBirthday(
            LocalDate born, LocalDate today, boolean inScope) throws Exception {
        assertThat(policy.decide(handleplanFor(born), today) instanceof RoutingPolicy.Recipients)
                .isEqualTo(inScope);
    }

    @ParameterizedTest(name = "born {0}, on {1}: DHUV receives {2}")
    @CsvSource({
        "2009-03-12, 2026-09-11, false",
        "2009-03-12, 2026-09-12, true",
        // 29 February: turns 17 on 1 March, 17½ on 1 September
        "2008-02-29, 2025-08-31, false",
        "2008-02-29, 2025-09-01, true",
        // 17 on 31 August: six months later is 28 February (or 29 in a leap year)
        "2006-08-31, 2024-02-28, false",
        "2006-08-31, 2024-02-29, true",
    })
    void theAdultSystemReceivesOnlyFromSeventeenAndAHalf(
            LocalDate born, LocalDate today, boolean dhuv) throws Exception {
        RoutingPolicy.Recipients r =
                (RoutingPolicy.Recipients) policy.decide(handleplanFor(born), today);
        assertThat(r.targets().contains(SourceSystem.of("dhuv"))).isEqualTo(dhuv);
        assertThat(r.targets())
                .contains(SourceSystem.of("jobcenter"), SourceSystem.of("uu"))
                .doesNotContain(SourceSystem.of("dubu"));
    }

    @Test
    void consentsAreNeverDelivered() throws Exception {
        CanonicalDocument consent = sample("consent-parent");
        assertThat(policy.decide(consent, LocalDate.of(2026, 6, 1)))
                .isEqualTo(new RoutingPolicy.Recipients(java.util.List.of()));
    }

    private static CanonicalDocument handleplanFor(LocalDate born) throws Exception {
        CanonicalDocument d = sample("handleplan-child");
        String cpr =
                String.format(
                        "%02d%02d%02d4000",
                        born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100);
        return new CanonicalDocument(
                d.documentId(),
                d.documentType(),
                d.version(),
                new YoungPerson(cpr, null, null),
                d.municipalityCode(),
                d.caseworker(),
                d.provenance(),
                d.handleplan());
    }

    static CanonicalDocument sample(String name) throws Exception {
        return dk.youthhub.hub.support.Samples.sample(name);
    }
}
