package dk.youthhub.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.youthhub.hub.support.TestProps;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
    private static final String SECRET = "a-test-secret-that-is-long-enough-0123";

    @Test
    void isAStableKeyedHashThatHidesTheNumber() {
        Pseudonymizer p = new Pseudonymizer(TestProps.hub("x:9092", false, SECRET));
        String a = p.pseudonym("1203094127");
        assertThat(a)
                .matches("[0-9a-f]{64}")
                .isEqualTo(p.pseudonym("1203094127"))
                .doesNotContain("1203094127");
        assertThat(p.pseudonym("0511074231")).isNotEqualTo(a);
    }

    @Test
    void dependsOnTheSecret() {
        String a =
                new Pseudonymizer(TestProps.hub("x:9092", false, SECRET)).pseudonym("1203094127");
        String b =
                new Pseudonymizer(TestProps.hub("x:9092", false, SECRET + "x"))
                        .pseudonym("1203094127");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void refusesToStartWithoutASecretAgainstAnExternalCluster() {
        assertThatThrownBy(() -> new Pseudonymizer(TestProps.hub("x:9092", false, null)))
                .hasMessageContaining("HUB_PSEUDONYM_SECRET");
        assertThatThrownBy(() -> new Pseudonymizer(TestProps.hub("x:9092", false, "  ")))
                .hasMessageContaining("HUB_PSEUDONYM_SECRET");
    }

    @Test
    void usesTheDevelopmentSecretOnlyWithTheEmbeddedBroker() {
        String dev = new Pseudonymizer(TestProps.hub("x:9092", true, null)).pseudonym("1203094127");
        String explicit =
                new Pseudonymizer(TestProps.hub("x:9092", false, Pseudonymizer.DEVELOPMENT_SECRET))
                        .pseudonym("1203094127");
        assertThat(dev).isEqualTo(explicit);
    }

    @Test
    void rejectsShortSecretsAndUnnormalisedNumbers() {
        assertThatThrownBy(() -> new Pseudonymizer(TestProps.hub("x:9092", false, "short")))
                .hasMessageContaining("at least");
        Pseudonymizer p = new Pseudonymizer(TestProps.hub("x:9092", false, SECRET));
        assertThatThrownBy(() -> p.pseudonym("120309-4127"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
