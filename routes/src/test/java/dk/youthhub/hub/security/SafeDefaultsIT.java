package dk.youthhub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.JavaProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped jar started as the Dockerfile starts it, on every interface with the embedded broker:
 * without secrets and tokens it refuses to start and names each; with them it starts, and an
 * anonymous caller learns only {@code UP}/{@code DOWN}, never the published development tokens.
 */
class SafeDefaultsIT {
    private static final Path JAR = Path.of("target", "youthhub.jar");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onEveryInterfaceWithoutSecretsTheJarRefusesToStartAndNamesEachMissingOne()
            throws Exception {
        int port = JavaProcess.freePort();
        try (JavaProcess hub = JavaProcess.startJar("safe-defaults-refused", JAR, env(port))) {
            assertThat(hub.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(hub.output())
                    .contains("The hub cannot start with these settings")
                    .contains("HUB_PSEUDONYM_SECRET must be set")
                    .contains("HUB_AUDIT_KEY must be set")
                    .contains("HUB_TOKEN_ADMIN must be set")
                    .contains("HUB_TOKEN_JOBCENTER must be set")
                    .contains("HUB_DEV_MODE is not true")
                    .doesNotContain("Started HubApplication");
        }
    }

    @Test
    void withItsSecretsItStartsAndAnonymousCallersSeeOnlyTheStatus() throws Exception {
        int port = JavaProcess.freePort();
        Map<String, String> env = env(port);
        env.put("HUB_PSEUDONYM_SECRET", "safe-defaults-secret-0123456789abcdef");
        env.put("HUB_AUDIT_KEY", "safe-defaults-audit-key-0123456789abcdef");
        env.put("HUB_TOKEN_ADMIN", HubIT.ADMIN_TOKEN);
        env.put("HUB_TOKEN_JOBCENTER", HubIT.JOBCENTER_TOKEN);
        env.put("HUB_LOG_FORMAT", "json");
        try (JavaProcess hub = JavaProcess.startJar("safe-defaults-started", JAR, env)) {
            await().atMost(Duration.ofSeconds(120))
                    .ignoreExceptions()
                    .until(() -> get(port, "/actuator/health/readiness", null).statusCode() == 200);
            HttpResponse<String> anonymous = get(port, "/actuator/health", null);
            assertThat(anonymous.statusCode()).isEqualTo(200);
            assertThat(anonymous.body())
                    .contains("\"status\":\"UP\"")
                    .doesNotContain("components", "RUNNING", "kafka");
            assertThat(get(port, "/actuator/health", HubIT.ADMIN_TOKEN).body())
                    .contains("\"components\"");
            assertThat(
                            get(
                                            port,
                                            "/api/v1/unacknowledged",
                                            Credentials.developmentToken("admin"))
                                    .statusCode())
                    .as("the published development token is refused")
                    .isEqualTo(401);
            assertThat(get(port, "/api/v1/unacknowledged", HubIT.ADMIN_TOKEN).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> sbom = get(port, "/actuator/sbom/application", HubIT.ADMIN_TOKEN);
            assertThat(sbom.statusCode()).as("the jar carries its CycloneDX SBOM").isEqualTo(200);
            assertThat(sbom.body()).contains("\"bomFormat\"", "CycloneDX", "kafka-streams");
            assertThat(get(port, "/actuator/sbom/application", null).statusCode()).isEqualTo(401);
            assertThat(hub.output().lines())
                    .as("HUB_LOG_FORMAT=json: one JSON object per line")
                    .anyMatch(
                            l ->
                                    l.startsWith("{\"@timestamp\"")
                                            && l.contains("\"level\":\"INFO\""));
        }
    }

    private static Map<String, String> env(int port) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_ADDRESS", "0.0.0.0");
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("HUB_DATA_DIR", Files.createTempDirectory("safe-defaults").toString());
        env.put("HUB_KAFKA_EMBEDDED_PORT", String.valueOf(JavaProcess.freePort()));
        env.put("HUB_KAFKA_EMBEDDED_CONTROLLER_PORT", String.valueOf(JavaProcess.freePort()));
        return env;
    }

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
