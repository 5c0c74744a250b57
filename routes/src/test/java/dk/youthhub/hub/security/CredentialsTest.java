package dk.youthhub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.support.TestProps;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    private static final String JOBCENTER = "jobcenter-token-0123456789abcdef";
    private static final String ADMIN = "admin-token-0123456789abcdef0123";

    @Test
    void resolvesEachTokenToItsPrincipalAndNothingElse() {
        Credentials c = credentials(false, Map.of("jobcenter", JOBCENTER, "admin", ADMIN));
        assertThat(c.principalOf(JOBCENTER)).hasValue("jobcenter");
        assertThat(c.principalOf(ADMIN)).hasValue("admin");
        assertThat(c.principalOf(JOBCENTER + "x")).isEmpty();
        assertThat(c.principalOf("")).isEmpty();
        assertThat(c.principalOf(null)).isEmpty();
        assertThat(c.principalOf(Credentials.developmentToken("jobcenter"))).isEmpty();
    }

    @Test
    void theEmbeddedDefaultShipsDocumentedDevelopmentTokens() {
        Credentials c = credentials(true, Map.of());
        for (String p : new String[] {"dubu", "dhuv", "jobcenter", "uu", "admin"}) {
            assertThat(c.principalOf("dev-token-" + p)).hasValue(p);
        }
    }

    @Test
    void outsideTheEmbeddedDefaultTheJobCentreAndAdminTokensAreRequired() {
        assertThatThrownBy(() -> credentials(false, Map.of("admin", ADMIN)))
                .hasMessageContaining("HUB_TOKEN_JOBCENTER");
        assertThatThrownBy(() -> credentials(false, Map.of("jobcenter", JOBCENTER)))
                .hasMessageContaining("HUB_TOKEN_ADMIN");
    }

    @Test
    void shortAndSharedTokensAreRefused() {
        assertThatThrownBy(() -> credentials(false, Map.of("jobcenter", "short", "admin", ADMIN)))
                .hasMessageContaining("at least");
        assertThatThrownBy(
                        () ->
                                credentials(
                                        false, Map.of("jobcenter", JOBCENTER, "admin", JOBCENTER)))
                .hasMessageContaining("share one token")
                .hasMessageNotContaining(JOBCENTER);
    }

    private static Credentials credentials(boolean embedded, Map<String, String> tokens) {
        Map<String, Object> env = new HashMap<>();
        if (!embedded) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", "x:9092");
        }
        tokens.forEach(
                (principal, token) ->
                        env.put(
                                principal.equals(Credentials.ADMIN)
                                        ? "hub.security.tokens.admin"
                                        : "HUB_TOKEN_" + principal.toUpperCase(),
                                token));
        HubProperties props = TestProps.bind(env);
        return new Credentials(props, TestProps.systems(props));
    }

    @Test
    void theBearerTokenIsReadFromItsHeaderWhateverTheSchemesCase() {
        assertThat(Credentials.bearerToken("Bearer abc ")).hasValue("abc");
        assertThat(Credentials.bearerToken("bearer abc")).hasValue("abc");
        assertThat(Credentials.bearerToken("Basic abc")).isEmpty();
        assertThat(Credentials.bearerToken(null)).isEmpty();
    }
}
