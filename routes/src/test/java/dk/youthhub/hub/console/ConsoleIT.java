package dk.youthhub.hub.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dk.youthhub.hub.support.Browser;
import dk.youthhub.hub.support.DubuEvents;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedWireMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator console in a real headless Chromium against a running hub on a real broker: log in,
 * see a dead-lettered job-centre delivery, replay it once the job centre takes it and see it
 * delivered; see what waits; look up a young person by CPR number in a POST form; read the
 * documentation model; in Danish and English. Each page's screenshot goes to {@code
 * target/screenshots}.
 */
class ConsoleIT extends HubIT {
    private static final Path DUBU =
            Path.of("../connectors/dubu/src/test/resources/fixtures/valid");

    @LocalServerPort int port;

    private final WireMockServer jobcenter = SharedWireMock.server();
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void anOperatorSeesADeadLetterReplaysItAndSeesItDelivered() throws Exception {
        String cpr = DubuEvents.cpr(2005);
        String planId = "HP-" + UUID.randomUUID();
        String documentId = "dubu:handleplan:" + planId;
        StubMapping refused =
                jobcenter.stubFor(
                        WireMock.post(urlEqualTo("/api/v1/hub-deliveries"))
                                .withRequestBody(
                                        matchingJsonPath("$.documentId", equalTo(documentId)))
                                .atPriority(1)
                                .willReturn(aResponse().withStatus(422)));
        send(DubuEvents.consent(cpr));
        send(DubuEvents.plan(cpr, planId));
        ConsumerRecord<byte[], byte[]> dead =
                Records.awaitContaining(servers, "it.hub.deadletter.v1", documentId);
        String id = dead.partition() + "-" + dead.offset();
        String waiting = DubuEvents.cpr(2010);
        String heldPlan = "HP-" + UUID.randomUUID();
        send(DubuEvents.plan(waiting, heldPlan));

        browser.get(url("/console"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        browser.findElement(By.id("token")).sendKeys("not-the-admin-token");
        browser.findElement(By.id("login-button")).click();
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("Ukendt token");
        browser.findElement(By.id("token")).sendKeys(ADMIN_TOKEN);
        browser.findElement(By.id("login-button")).click();
        assertThat(browser.findElement(By.id("flows")).getText()).contains("dubu", "jobcenter");
        Browser.screenshot(browser, "console-overview");

        browser.get(url("/console/deadletters?code=DELIVERY_FAILED&system=jobcenter"));
        WebElement row = row(id);
        assertThat(row.getText()).contains("DELIVERY_FAILED", "jobcenter", "ikke leveret");
        Browser.screenshot(browser, "console-deadletters");

        jobcenter.removeStub(refused);
        jobcenter.stubFor(
                WireMock.post(urlEqualTo("/api/v1/hub-deliveries"))
                        .withRequestBody(matchingJsonPath("$.documentId", equalTo(documentId)))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(201)));
        browser.findElement(By.id("replay-" + id)).click();
        Browser.screenshot(browser, "console-replay-confirm");
        browser.findElement(By.id("confirm-replay")).click();
        assertThat(browser.findElement(By.id("replay-result")).getText())
                .startsWith("Genafspillet til it.jobcenter.deliveries.v1/");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            browser.get(url("/console/deadletters?code=DELIVERY_FAILED"));
                            return row(id).getText().contains("leveret")
                                    && !row(id).getText().contains("ikke leveret");
                        });
        Browser.screenshot(browser, "console-deadletters-delivered");

        browser.get(url("/console/held"));
        assertThat(browser.findElement(By.id("held")).getText())
                .contains("dubu:handleplan:" + heldPlan);
        Browser.screenshot(browser, "console-held");

        browser.get(url("/console/youth"));
        browser.findElement(By.id("cpr")).sendKeys(cpr);
        browser.findElement(By.id("lookup-button")).click();
        assertThat(browser.getCurrentUrl()).as("never in a URL").doesNotContain(cpr);
        assertThat(browser.findElement(By.id("chain")).getText()).isEqualTo("Kæden er hel.");
        assertThat(browser.findElement(By.id("trail")).getText())
                .contains("DELIVERY_FAILED", "DELIVERED", documentId);
        assertThat(browser.getPageSource()).doesNotContain(cpr);
        Browser.screenshot(browser, "console-youth");
        browser.get(url("/console/youth"));
        browser.findElement(By.id("cpr")).sendKeys(cpr);
        browser.findElement(By.id("lookup-button")).click();
        assertThat(browser.findElement(By.id("trail")).getText())
                .as("the first lookup is in the trail, recorded before its answer")
                .contains("DISCLOSED");

        browser.get(url("/console/report?lang=en"));
        assertThat(browser.findElement(By.id("nav-deadletters")).getText())
                .isEqualTo("Dead letters");
        assertThat(browser.findElement(By.id("report")).getText()).contains("youngPeople");
        Browser.screenshot(browser, "console-report");

        browser.findElement(By.id("logout")).click();
        browser.get(url("/console"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    }

    @Test
    void withoutASessionEveryPageLeadsToTheLoginAndFormsNeedTheirCsrfToken() throws Exception {
        for (String page :
                List.of("/console", "/console/deadletters", "/console/held", "/console/youth")) {
            HttpResponse<String> r = get(page, null);
            assertThat(r.statusCode()).as(page).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).hasValue("/console/login");
        }
        HttpResponse<String> login = get("/console/login", null);
        String loginCookie = cookie(login, "hub_console_login");
        assertThat(login.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.contains("SameSite=Strict") && c.contains("HttpOnly"));
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(c -> assertThat(c).contains("default-src 'none'"));

        HttpResponse<String> forged =
                post("/console/login", "token=" + ADMIN_TOKEN + "&csrf=guess", loginCookie);
        assertThat(forged.statusCode()).as("a login without its form's token").isEqualTo(403);

        String csrf = between(login.body(), "name=\"csrf\" value=\"", "\"");
        HttpResponse<String> in =
                post("/console/login", "token=" + ADMIN_TOKEN + "&csrf=" + csrf, loginCookie);
        assertThat(in.statusCode()).isEqualTo(303);
        String session = cookie(in, "hub_console");
        assertThat(in.headers().allValues("Set-Cookie"))
                .anyMatch(
                        c ->
                                c.startsWith("hub_console=")
                                        && c.contains("SameSite=Strict")
                                        && c.contains("HttpOnly"));
        assertThat(get("/console/held", session).statusCode()).isEqualTo(200);
        assertThat(post("/console/youth", "cpr=" + DubuEvents.cpr(2005), session).statusCode())
                .as("a lookup without the session's CSRF token")
                .isEqualTo(403);
        assertThat(post("/console/deadletters/0-0/replay", "csrf=wrong", session).statusCode())
                .as("a replay without the session's CSRF token")
                .isEqualTo(403);
    }

    private WebElement row(String id) {
        return browser.findElement(By.id("replay-" + id)).findElement(By.xpath("./ancestor::tr"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The cookie as a request sends it back ({@code name=value}). */
    private static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }

    private static String between(String s, String from, String to) {
        int i = s.indexOf(from) + from.length();
        return s.substring(i, s.indexOf(to, i));
    }

    private void send(byte[] xml) throws Exception {
        Records.send(servers, "it.dubu.events.v1", null, xml);
    }
}
