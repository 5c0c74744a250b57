package dk.youthhub.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.support.DubuEvents;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedWireMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The collaboration model on the real broker, over HTTP: a coordinator registers a meeting for a
 * young person of its municipality, the meeting reaches the participating job centre minimised, the
 * form follows, the overview shows what the coordinator's system may see and is audited first;
 * another municipality's coordinator learns nothing; the report is suppressed.
 */
class CollaborationIT extends HubIT {
    @LocalServerPort int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final WireMockServer jobcenter = SharedWireMock.server();

    @Test
    void aMeetingReachesItsParticipantsTheOverviewShowsWhatTheCoordinatorMaySee() throws Exception {
        String cpr = cpr();
        send(DubuEvents.consent(cpr));
        send(DubuEvents.plan(cpr, "HP-" + UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                post(
                                                        "/api/v1/youth/query",
                                                        "{\"cpr\":\"" + cpr + "\"}",
                                                        ADMIN_TOKEN)
                                                .statusCode()
                                        == 200);

        HttpResponse<String> assigned =
                post(
                        "/api/v1/youth/coordinator",
                        "{\"cpr\":\""
                                + cpr
                                + "\",\"coordinator\":{\"name\":\"Mette Koordinator\","
                                + "\"unit\":\"Ungeenheden\",\"system\":\"jobcenter\"}}",
                        NORD_TOKEN);
        assertThat(assigned.statusCode()).isEqualTo(202);

        String meetingId = UUID.randomUUID().toString();
        String meeting = meeting(cpr, meetingId, "Søger optagelse på EUD");
        assertThat(post("/api/v1/meetings", meeting, NORD_TOKEN).statusCode()).isEqualTo(202);
        HttpResponse<String> again = post("/api/v1/meetings", meeting, NORD_TOKEN);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("unchanged");
        HttpResponse<String> changed =
                post(
                        "/api/v1/meetings",
                        meeting(cpr, meetingId, "Søger optagelse på HF"),
                        NORD_TOKEN);
        assertThat(changed.body()).contains("\"version\":2");

        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                toJobcenter(meetingId).stream()
                                        .anyMatch(
                                                r ->
                                                        r.getBodyAsString()
                                                                .contains("optagelse på HF")));
        String delivered =
                toJobcenter(meetingId).stream()
                        .map(LoggedRequest::getBodyAsString)
                        .filter(b -> b.contains("optagelse på HF"))
                        .findFirst()
                        .orElseThrow();
        assertThat(delivered)
                .contains("Søger optagelse på HF")
                .as("a family agreement is withheld from the job centre")
                .doesNotContain("Samvær med mor");

        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            JsonNode o = overview(cpr, NORD_TOKEN);
                            return o.path("coordinator")
                                            .path("name")
                                            .asText()
                                            .equals("Mette Koordinator")
                                    && o.path("meetings").size() == 1
                                    && o.path("goalsAndAgreements").isObject();
                        });
        HttpResponse<String> answer =
                post("/api/v1/youth/query", "{\"cpr\":\"" + cpr + "\"}", NORD_TOKEN);
        JsonNode o = CanonicalJson.mapper().readTree(answer.body());
        assertThat(o.get("birthDate").asText()).isEqualTo("2007-03-01");
        assertThat(o.get("kommune").asText()).isEqualTo("607");
        assertThat(o.get("milestones")).hasSize(6);
        assertThat(answer.body())
                .doesNotContain(cpr)
                .doesNotContain("Samvær med mor")
                .doesNotContain("pseudonym");
        assertThat(texts(o.at("/goalsAndAgreements/agreements"))).contains("Søger optagelse på HF");

        JsonNode admin = overview(cpr, ADMIN_TOKEN);
        assertThat(admin.has("goalsAndAgreements")).isFalse();
        assertThat(admin.at("/meetings/0/agreements/0").has("text"))
                .as("the admin sees state, not content")
                .isFalse();

        JsonNode trail =
                CanonicalJson.mapper()
                        .readTree(
                                post(
                                                "/api/v1/audit/query",
                                                "{\"cpr\":\"" + cpr + "\"}",
                                                ADMIN_TOKEN)
                                        .body());
        List<String> disclosed = new ArrayList<>();
        trail.get("records")
                .forEach(
                        r -> {
                            if (r.get("action").asText().equals("DISCLOSED")) {
                                disclosed.add(
                                        r.path("target").asText()
                                                + "/"
                                                + r.path("credential").asText());
                            }
                        });
        assertThat(disclosed).contains("coordinator/nord", "admin/admin");
        assertThat(trail.get("chainValid").asBoolean()).isTrue();

        assertThat(post("/api/v1/youth/query", "{\"cpr\":\"" + cpr + "\"}", SYD_TOKEN).statusCode())
                .as("another municipality's coordinator: as if never seen")
                .isEqualTo(404);
        assertThat(
                        post(
                                        "/api/v1/meetings",
                                        meeting(cpr, UUID.randomUUID().toString(), "x"),
                                        SYD_TOKEN)
                                .statusCode())
                .isEqualTo(400);
    }

    @Test
    void everyEndpointAnswersFourHundredsWithReasons() throws Exception {
        for (String path :
                List.of("/api/v1/youth/query", "/api/v1/youth/coordinator", "/api/v1/meetings")) {
            assertThat(post(path, "{}", null).statusCode()).as(path).isEqualTo(401);
            assertThat(post(path, "{}", DUBU_TOKEN).statusCode()).as(path).isEqualTo(403);
            assertThat(post(path, "{}", LEADER_TOKEN).statusCode()).as(path).isEqualTo(403);
            assertThat(post(path, "[1]", NORD_TOKEN).statusCode()).as(path).isEqualTo(400);
        }
        String unknown = cpr();
        assertThat(post("/api/v1/youth/query", "{\"cpr\":\"" + unknown + "\"}", null).statusCode())
                .isEqualTo(401);
        assertThat(
                        post("/api/v1/youth/query", "{\"cpr\":\"" + unknown + "\"}", DUBU_TOKEN)
                                .statusCode())
                .isEqualTo(403);
        assertThat(
                        post("/api/v1/youth/query", "{\"cpr\":\"" + unknown + "\"}", NORD_TOKEN)
                                .statusCode())
                .isEqualTo(404);
        assertThat(
                        post(
                                        "/api/v1/youth/coordinator",
                                        "{\"cpr\":\""
                                                + unknown
                                                + "\",\"coordinator\":{\"name\":\"A\",\"system\":\"dubu\"}}",
                                        ADMIN_TOKEN)
                                .statusCode())
                .isEqualTo(404);
        HttpResponse<String> bad =
                post(
                        "/api/v1/meetings",
                        "{\"meetingId\":\"nope\",\"cpr\":\"123\",\"kommune\":\"607\",\"kind\":\"STATUTORY_17\","
                                + "\"date\":\"2026-13-01\",\"participants\":[\"Sofie Østergård\"],"
                                + "\"agreements\":[{\"text\":\"\",\"responsible\":\"uu\",\"theme\":\"LOVE\"}]}",
                        NORD_TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains(
                        "meetingId",
                        "cpr",
                        "kind",
                        "date",
                        "participants[0]",
                        "agreements[0].text",
                        "agreements[0].theme")
                .doesNotContain("Sofie");
        assertThat(get("/api/v1/reports/documentation-model", NORD_TOKEN).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/reports/documentation-model", null).statusCode()).isEqualTo(401);
        assertThat(
                        get("/api/v1/reports/documentation-model?kommune=abc", LEADER_TOKEN)
                                .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aTokenOverItsRateGetsTooManyRequestsWithRetryAfter() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            answers.add(get("/api/v1/reports/documentation-model", RATE_TOKEN));
        }
        assertThat(answers).extracting(HttpResponse::statusCode).contains(403, 429);
        HttpResponse<String> limited =
                answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(post("/api/v1/youth/query", "{}", NORD_TOKEN).statusCode())
                .as("another token is not limited")
                .isEqualTo(400);
    }

    @Test
    void theDocumentationModelIsSuppressedAndHasACsvForm() throws Exception {
        String cpr = cpr();
        send(DubuEvents.plan(cpr, "HP-" + UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                post(
                                                        "/api/v1/youth/query",
                                                        "{\"cpr\":\"" + cpr + "\"}",
                                                        ADMIN_TOKEN)
                                                .statusCode()
                                        == 200);
        HttpResponse<String> json =
                get("/api/v1/reports/documentation-model?kommune=607", LEADER_TOKEN);
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode report = CanonicalJson.mapper().readTree(json.body());
        JsonNode m = report.at("/municipalities/0");
        assertThat(m.get("kommune").asText()).isEqualTo("607");
        assertThat(m.get("youngPeople").isNull() || m.get("youngPeople").asLong() >= 5).isTrue();
        assertThat(m.get("educationStatus").size())
                .as("every cell is there, a suppressed one as null")
                .isEqualTo(6);
        assertThat(m.at("/meetings/STATUTORY_16").size()).isEqualTo(3);
        assertThat(json.body()).doesNotContain(cpr).doesNotContainPattern("[0-9]{10}");
        HttpResponse<String> csv =
                get("/api/v1/reports/documentation-model?format=csv", ADMIN_TOKEN);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("kommune,figure,category,count")
                .contains("607,youngPeople,");
    }

    private List<LoggedRequest> toJobcenter(String meetingId) {
        return jobcenter.findAll(
                postRequestedFor(urlEqualTo("/api/v1/hub-deliveries"))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.meeting.meetingId",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                                meetingId))));
    }

    private JsonNode overview(String cpr, String token) throws Exception {
        HttpResponse<String> r = post("/api/v1/youth/query", "{\"cpr\":\"" + cpr + "\"}", token);
        return r.statusCode() == 200
                ? CanonicalJson.mapper().readTree(r.body())
                : CanonicalJson.mapper().createObjectNode();
    }

    private static List<String> texts(JsonNode parts) {
        List<String> out = new ArrayList<>();
        parts.forEach(p -> out.add(p.path("text").asText()));
        return out;
    }

    private static String meeting(String cpr, String meetingId, String agreement) {
        return "{\"meetingId\":\""
                + meetingId
                + "\",\"cpr\":\""
                + cpr
                + "\",\"kommune\":\"607\",\"kind\":\"STATUTORY_18_5\",\"date\":\"2026-11-20\","
                + "\"participants\":[\"youth\",\"coordinator\",\"jobcenter\",\"dubu\"],"
                + "\"agreements\":[{\"text\":\""
                + agreement
                + "\",\"responsible\":\"uu\",\"due\":\"2027-01-15\",\"theme\":\"EDUCATION\"},"
                + "{\"text\":\"Samvær med mor hver anden weekend\",\"responsible\":\"dubu\",\"theme\":\"FAMILY\"}]}";
    }

    private void send(byte[] xml) throws Exception {
        Records.send(servers, "it.dubu.events.v1", null, xml);
    }

    /** Someone born on 1 March 2007 (19: no parent's consent needed), a random serial. */
    private static String cpr() {
        return String.format("01030740%02d", ThreadLocalRandom.current().nextInt(100));
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
