package dk.youthhub.hub.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.config.HubProperties;
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
        assertThat(TestProps.bind(Map.of()).security().developmentDefaults()).isTrue();
    }

    @Test
    void theEmbeddedBrokerWithHttpOnEveryInterfaceNeedsEverySecretAndToken() {
        assertThat(StartupSettings.problems(TestProps.bind(Map.of("SERVER_ADDRESS", "0.0.0.0"))))
                .hasSize(4)
                .allSatisfy(
                        p ->
                                assertThat(p)
                                        .endsWith(
                                                "HUB_DEV_MODE is not true, so the"
                                                        + " published development values are refused"))
                .anySatisfy(p -> assertThat(p).startsWith("HUB_PSEUDONYM_SECRET must be set"))
                .anySatisfy(p -> assertThat(p).startsWith("HUB_AUDIT_KEY must be set"))
                .anySatisfy(p -> assertThat(p).startsWith("HUB_TOKEN_JOBCENTER must be set"))
                .anySatisfy(p -> assertThat(p).startsWith("HUB_TOKEN_ADMIN must be set"));
        assertThat(StartupSettings.problems(TestProps.bind(Map.of("SERVER_ADDRESS", ""))))
                .as("no address binds every interface")
                .hasSize(4);
    }

    @Test
    void theEmbeddedBrokerOnAnotherInterfaceIsRefusedForItHasNoAuthentication() {
        assertThat(
                        StartupSettings.problems(
                                TestProps.bind(Map.of("hub.kafka.embedded.host", "0.0.0.0"))))
                .anySatisfy(
                        p -> assertThat(p).startsWith("HUB_KAFKA_EMBEDDED_HOST must be a loopback"))
                .anySatisfy(p -> assertThat(p).startsWith("HUB_TOKEN_ADMIN must be set"));
    }

    @Test
    void onlyAnExplicitDevModeAllowsTheDevelopmentValuesBeyondLoopback() {
        HubProperties dev =
                TestProps.bind(Map.of("SERVER_ADDRESS", "0.0.0.0", "HUB_DEV_MODE", "true"));
        assertThat(dev.security().developmentDefaults()).isTrue();
        assertThat(StartupSettings.problems(dev)).isEmpty();
        assertThat(
                        TestProps.bind(
                                        Map.of(
                                                "SERVER_ADDRESS", "0.0.0.0",
                                                "HUB_DEV_MODE", "false",
                                                "hub.security.development-defaults", "true"))
                                .security()
                                .developmentDefaults())
                .as("the decision cannot be configured around")
                .isFalse();
    }

    @Test
    void loopbackMeansOnlyThisMachine() {
        assertThat(DevelopmentMode.loopback("127.0.0.1")).isTrue();
        assertThat(DevelopmentMode.loopback("localhost")).isTrue();
        assertThat(DevelopmentMode.loopback("[::1]")).isTrue();
        assertThat(DevelopmentMode.loopback("0.0.0.0")).isFalse();
        assertThat(DevelopmentMode.loopback("::")).isFalse();
        assertThat(DevelopmentMode.loopback("10.0.0.5")).isFalse();
        assertThat(DevelopmentMode.loopback("")).isFalse();
        assertThat(DevelopmentMode.loopback(null)).isFalse();
    }
}
