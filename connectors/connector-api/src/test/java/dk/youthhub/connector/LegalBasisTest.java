package dk.youthhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.canonical.LegalBasis;
import org.junit.jupiter.api.Test;

class LegalBasisTest {

    @Test
    void splitsLawAndSectionAndKeepsTheText() {
        assertThat(LegalBasis.parse("SEL §52, stk. 3, nr. 7"))
                .isEqualTo(new LegalBasis("SEL", "§52, stk. 3, nr. 7", "SEL §52, stk. 3, nr. 7"));
        assertThat(LegalBasis.parse("Barnets Lov § 91"))
                .isEqualTo(new LegalBasis("Barnets Lov", "§ 91", "Barnets Lov § 91"));
    }

    @Test
    void keepsTextWithoutSectionAsSent() {
        assertThat(LegalBasis.parse("Barnets Lov"))
                .isEqualTo(new LegalBasis(null, null, "Barnets Lov"));
        assertThat(LegalBasis.parse("§140")).isEqualTo(new LegalBasis(null, "§140", "§140"));
    }
}
