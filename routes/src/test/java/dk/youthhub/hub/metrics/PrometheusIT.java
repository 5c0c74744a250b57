package dk.youthhub.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.support.Browser;
import dk.youthhub.hub.support.DubuEvents;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.JavaProcess;
import dk.youthhub.hub.support.Records;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Prometheus (Debian's, which {@code .ci/run} installs) scrapes the running hub with the
 * metrics token; through Prometheus's HTTP API the counters move when a document is held and an
 * input is dead-lettered. The shipped alert rules pass {@code promtool check rules}, and every
 * metric they use is one the hub exports.
 */
class PrometheusIT extends HubIT {
    private static final Path RULES = Path.of("../ops/prometheus/alerts.yml");
    private static final Path DASHBOARD = Path.of("../ops/grafana/dashboards/youthhub.json");
    private static final Pattern METRIC = Pattern.compile("\\b(hub_[a-z_]+)");

    @LocalServerPort int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process prometheus;

    @AfterEach
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
    }

    @Test
    void aRealPrometheusSeesTheCountersMoveWhenDocumentsAreHeldAndDeadLettered() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", DUBU_TOKEN).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", METRICS_TOKEN).statusCode()).isEqualTo(200);

        int web = JavaProcess.freePort();
        Path dir = Files.createTempDirectory("prometheus");
        Files.writeString(dir.resolve("token"), METRICS_TOKEN);
        Files.writeString(
                dir.resolve("prometheus.yml"),
                """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: youthhub
                    metrics_path: /actuator/prometheus
                    authorization:
                      credentials_file: %s
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """
                        .formatted(dir.resolve("token"), port));
        prometheus =
                new ProcessBuilder(
                                "prometheus",
                                "--config.file=" + dir.resolve("prometheus.yml"),
                                "--storage.tsdb.path=" + dir.resolve("data"),
                                "--web.listen-address=127.0.0.1:" + web)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("prometheus.log").toFile())
                        .start();
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> value(web, "up{job=\"youthhub\"}") == 1);
        double held = value(web, "sum(hub_core_actions_total{action=\"HELD\"}) or vector(0)");
        double dead =
                value(
                        web,
                        "sum(hub_core_actions_total{action=\"DEAD_LETTERED\",reason=\"MALFORMED\"})"
                                + " or vector(0)");

        String cpr = String.format("010307%04d", 4000 + (int) (Math.random() * 999));
        Records.send(
                servers,
                "it.dubu.events.v1",
                null,
                Files.readString(
                                Path.of(
                                        "../connectors/dubu/src/test/resources/fixtures/valid/handleplan-contract-example.native.xml"))
                        .replace(
                                "3f2b8a4e-6c1d-4e0a-9b7a-2d5c1e9f0a11",
                                UUID.randomUUID().toString())
                        .replace("120309-4127", cpr)
                        .replace("HP-88120", "HP-" + UUID.randomUUID())
                        .getBytes(StandardCharsets.UTF_8));
        Records.send(
                servers, "it.dubu.events.v1", null, "<Haendelse".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(
                        () ->
                                value(web, "sum(hub_core_actions_total{action=\"HELD\"})") > held
                                        && value(
                                                        web,
                                                        "sum(hub_core_actions_total{action=\"DEAD_LETTERED\",reason=\"MALFORMED\"})")
                                                > dead);
        assertThat(value(web, "sum(hub_stage_running)")).isEqualTo(3);

        double latencies = value(web, "sum(hub_dispatch_latency_seconds_count) or vector(0)");
        dispatchOne();
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(
                        () ->
                                value(web, "sum(hub_dispatch_latency_seconds_count)") > latencies
                                        && value(web, "count(hub_consumer_lag)") > 0);
        screenshots(web);
    }

    /**
     * The dashboard's panels as Prometheus's own graph page draws their queries (no Grafana server
     * runs here), for the README.
     */
    private void screenshots(int web) throws Exception {
        ChromeDriver browser = Browser.start();
        try {
            Map<String, String> panels = new LinkedHashMap<>();
            panels.put("prometheus-flows", "sum by (action, system) (hub_core_actions_total)");
            panels.put(
                    "prometheus-dead-letters",
                    "sum by (system, reason) (hub_core_actions_total{action=\"DEAD_LETTERED\"})");
            panels.put("prometheus-lag", "sum by (group) (hub_consumer_lag)");
            for (Map.Entry<String, String> p : panels.entrySet()) {
                browser.get(
                        "http://127.0.0.1:"
                                + web
                                + "/graph?g0.expr="
                                + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)
                                + "&g0.tab=0&g0.range_input=1m");
                await().atMost(Duration.ofSeconds(30))
                        .ignoreExceptions()
                        .until(
                                () ->
                                        !browser.findElements(
                                                        By.cssSelector(
                                                                "canvas, .graph-legend, .legend"))
                                                .isEmpty());
                assertThat(Browser.screenshot(browser, p.getKey())).isNotEmptyFile();
            }
        } finally {
            browser.quit();
        }
    }

    /** A consent and a plan from DUBU for a young adult: dispatched to the job centre and UU. */
    private void dispatchOne() throws Exception {
        String cpr = DubuEvents.cpr(2005);
        Records.send(servers, "it.dubu.events.v1", null, DubuEvents.consent(cpr));
        Records.send(
                servers,
                "it.dubu.events.v1",
                null,
                DubuEvents.plan(cpr, "HP-" + UUID.randomUUID()));
    }

    @Test
    void theShippedAlertRulesPassPromtoolAndUseOnlyMetricsTheHubExports() throws Exception {
        Process check =
                new ProcessBuilder("promtool", "check", "rules", RULES.toString())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(out).isZero();
        assertThat(out).contains("SUCCESS");

        String exported = exportedAfterActivity();
        Set<String> used = new TreeSet<>();
        Matcher m = METRIC.matcher(Files.readString(RULES));
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).isNotEmpty();
        for (String metric : used) {
            assertThat(exported).as(metric).containsPattern("(?m)^" + metric + "[{ ]");
        }
    }

    @Test
    void theDashboardsQueriesAreValidPromQlOverMetricsTheHubExports() throws Exception {
        JsonNode dashboard = CanonicalJson.mapper().readTree(DASHBOARD.toFile());
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        Set<String> used = new TreeSet<>();
        int n = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asText();
                rules.append("      - record: dashboard:panel")
                        .append(n++)
                        .append("\n        expr: '")
                        .append(expr.replace("'", "''"))
                        .append("'\n");
                Matcher m = METRIC.matcher(expr);
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        Path file = Files.createTempFile("dashboard", ".rules.yml");
        Files.writeString(file, rules);
        Process check =
                new ProcessBuilder("promtool", "check", "rules", file.toString())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as("every panel's query is valid PromQL: " + out).isZero();
        String exported = exportedAfterActivity();
        assertThat(used).isNotEmpty();
        for (String metric : used) {
            assertThat(exported).as(metric).containsPattern("(?m)^" + metric + "[{ ]");
        }
    }

    /**
     * The metrics once the core has audited and dispatched something and the lag has been measured:
     * they exist from then on, whichever test of the shared context runs first.
     */
    private String exportedAfterActivity() throws Exception {
        Records.send(
                servers, "it.dubu.events.v1", null, "<Haendelse".getBytes(StandardCharsets.UTF_8));
        dispatchOne();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(get("/actuator/prometheus", ADMIN_TOKEN).body())
                                        .contains(
                                                "hub_core_actions_total{",
                                                "hub_dispatch_latency_seconds_bucket{",
                                                "hub_consumer_lag{",
                                                "hub_delivery_attempts_total{",
                                                "hub_documents_waiting "));
        return get("/actuator/prometheus", ADMIN_TOKEN).body();
    }

    private double value(int web, String query) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://127.0.0.1:"
                                                        + web
                                                        + "/api/v1/query?query="
                                                        + URLEncoder.encode(
                                                                query, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode result = CanonicalJson.mapper().readTree(r.body()).at("/data/result");
        return result.isEmpty() ? -1 : result.get(0).get("value").get(1).asDouble();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
