package dk.youthhub.hub.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.support.TestProps;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every missing or invalid setting is named at once. */
class StartupSettingsTest {

    @Test
    void againstAnExternalKafkaWithNothingSetEveryMissingSettingIsNamed() {
        assertThat(
                        StartupSettings.problems(
                                TestProps.bind(
                                        Map.of(
                                                "KAFKA_BOOTSTRAP_SERVERS",
                                                "x:9092",
                                                "HUB_JOBCENTER_BASE_URL",
                                                "http://jobcenter.example"))))
                .hasSize(5)
                .anySatisfy(p -> assertThat(p).startsWith("HUB_PSEUDONYM_SECRET must be set"))
                .anySatisfy(p -> assertThat(p).startsWith("HUB_AUDIT_KEY must be set"))
                .anySatisfy(p -> assertThat(p).startsWith("HUB_TOKEN_JOBCENTER must be set"))
                .anySatisfy(p -> assertThat(p).startsWith("HUB_TOKEN_ADMIN must be set"))
                .anySatisfy(p -> assertThat(p).startsWith("HUB_JOBCENTER_DELIVERY_TOKEN"));
    }

    @Test
    void tooShortSettingsAreNamedWithTheirLengthRule() {
        assertThat(
                        StartupSettings.problems(
                                TestProps.bind(
                                        Map.of(
                                                "KAFKA_BOOTSTRAP_SERVERS", "x:9092",
                                                "HUB_PSEUDONYM_SECRET", "short",
                                                "HUB_AUDIT_KEY", "short",
                                                "HUB_TOKEN_JOBCENTER", "short-1",
                                                "hub.security.tokens.admin", "short-2"))))
                .containsExactlyInAnyOrder(
                        "HUB_PSEUDONYM_SECRET must be at least 32 characters",
                        "HUB_AUDIT_KEY must be at least 32 characters",
                        "HUB_AUDIT_KEY must not be the pseudonym secret: give it its own",
                        "HUB_TOKEN_JOBCENTER must be at least 24 characters",
                        "HUB_TOKEN_ADMIN must be at least 24 characters");
    }

    @Test
    void theEmbeddedDefaultNeedsNothing() {
        assertThat(StartupSettings.problems(TestProps.bind(Map.of()))).isEmpty();
    }
}
