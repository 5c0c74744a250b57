package dk.youthhub.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.youthhub.hub.HubApplication;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedKafka;
import dk.youthhub.hub.support.SharedKafkaExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Demo mode on a real broker: the examples and generated events flow, the bad ones dead-letter. */
@ExtendWith(SharedKafkaExtension.class)
@CamelSpringBootTest
@SpringBootTest(
        classes = HubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.data-dir=target/demo-it-data",
            "hub.demo.enabled=true",
            "hub.demo.young-people=8",
            "hub.demo.seed=99",
            "hub.topics.prefix=demo.",
            "hub.topics.partitions=2",
            "hub.kafka.group-prefix=demo",
            "hub.stage.poll-timeout-ms=100",
            "hub.pseudonym-secret=demo-test-secret-0123456789abcdef0123",
            "hub.audit.key=demo-test-audit-key-0123456789abcdef0123",
            "hub.systems.jobcenter.token=demo-jobcenter-token-0123456789abcdef",
            "hub.security.tokens.admin=demo-admin-token-0123456789abcdef01",
            "hub.systems.jobcenter.http-delivery.token=demo-hub-to-jobcenter-token-0123456789"
        })
class DemoIT {
    @LocalServerPort int port;
    @Autowired FakeRecipients fakeRecipients;

    private final String servers = SharedKafka.bootstrapServers();

    @Test
    void examplesAndGeneratedEventsBecomeCanonicalAndTheBadOnesAreDeadLettered() {
        // the contracts' examples, the job centre's through the HTTP ingress
        Records.awaitContaining(servers, "demo.canonical.handleplan.v1", "HP-88120");
        Records.awaitContaining(servers, "demo.canonical.handleplan.v1", "HP141-7781");
        Records.awaitContaining(servers, "demo.canonical.jobplan.v1", "MP-33017");
        Records.awaitContaining(servers, "demo.canonical.assessment.v1", "RP-265-118");

        long bad =
                new DemoData(99, LocalDate.now(ZoneId.of("Europe/Copenhagen")))
                        .events(8).stream().filter(DemoData.Event::bad).count();
        assertThat(bad).isPositive();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Records.readAll(servers, "demo.hub.deadletter.v1").size() == bad);
    }

    @Test
    void theConsoleShowsTheDemosFlowsAndItsBadRecordsAmongTheDeadLetters() throws Exception {
        long bad =
                new DemoData(99, LocalDate.now(ZoneId.of("Europe/Copenhagen")))
                        .events(8).stream().filter(DemoData.Event::bad).count();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Records.readAll(servers, "demo.hub.deadletter.v1").size() == bad);
        HttpClient http =
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form =
                http.send(
                        HttpRequest.newBuilder(URI.create(url("/console/login"))).build(),
                        HttpResponse.BodyHandlers.ofString());
        String csrf =
                form.body()
                        .substring(
                                form.body().indexOf("name=\"csrf\" value=\"")
                                        + "name=\"csrf\" value=\"".length())
                        .split("\"")[0];
        HttpResponse<String> in =
                http.send(
                        HttpRequest.newBuilder(URI.create(url("/console/login")))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Cookie", cookie(form, "hub_console_login"))
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "token=demo-admin-token-0123456789abcdef01&csrf="
                                                        + csrf))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(in.statusCode()).isEqualTo(303);
        String session = cookie(in, "hub_console");

        String overview = page(http, "/console", session);
        assertThat(overview).contains("dubu", "dhuv", "jobcenter", "uu");
        String deadLetters = page(http, "/console/deadletters", session);
        assertThat(deadLetters.split("class=\"replay\"", -1).length - 1)
                .as("one replay link per bad record of the demo")
                .isEqualTo((int) bad);
    }

    private String page(HttpClient http, String path, String session) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(url(path)))
                                .header("Cookie", session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theDemoPlaysTheCollaborationModelMeetingsFormsAndTheReport() throws Exception {
        DemoData data = new DemoData(99, LocalDate.now(ZoneId.of("Europe/Copenhagen")));
        data.events(8);
        long meetings =
                data.registrations().stream()
                        .filter(r -> r.path().equals("/api/v1/meetings"))
                        .count();
        assertThat(meetings).isPositive();
        await().atMost(Duration.ofSeconds(120))
                .until(
                        () ->
                                Records.readAll(servers, "demo.canonical.meeting.v1").size()
                                        == meetings);
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                !Records.readAll(servers, "demo.canonical.goal-agreement.v1")
                                        .isEmpty());
        java.net.http.HttpResponse<String> report =
                java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create(
                                                        "http://localhost:"
                                                                + port
                                                                + "/api/v1/reports/documentation-model"))
                                        .header(
                                                "Authorization",
                                                "Bearer demo-admin-token-0123456789abcdef01")
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("\"municipalities\"", "STATUTORY_16");
    }

    @Test
    void theFakeJobCentreChecksTheTokenAndTheIdempotencyKey() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int before = fakeRecipients.received();
        assertThat(deliver(http, "Bearer demo-hub-to-jobcenter-token-0123456789", "k-1"))
                .isEqualTo(202);
        assertThat(deliver(http, "Bearer demo-hub-to-jobcenter-token-0123456789", "k-1"))
                .isEqualTo(409);
        assertThat(deliver(http, "Bearer nope", "k-2")).isEqualTo(401);
        assertThat(fakeRecipients.received()).isEqualTo(before + 1);
    }

    @Test
    void theHubsDeliveriesToTheFakeJobCentreAreNotFailedAuthenticationsOfTheHubsOwnApi()
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 25; i++) {
            assertThat(deliver(http, "Bearer demo-hub-to-jobcenter-token-0123456789", "burst-" + i))
                    .as("delivery " + i)
                    .isEqualTo(202);
        }
        HttpResponse<String> admin =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:" + port + "/api/v1/deadletters"))
                                .header(
                                        "Authorization",
                                        "Bearer demo-admin-token-0123456789abcdef01")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).as("the admin on the same address").isEqualTo(200);
    }

    private int deliver(HttpClient http, String authorization, String key) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://localhost:"
                                                + port
                                                + "/demo/jobcenter/api/v1/hub-deliveries"))
                        .header("Authorization", authorization)
                        .header("Idempotency-Key", key)
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"documentId\":\"x\",\"documentType\":\"jobplan\",\"version\":1}"))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
