package dk.youthhub.hub.ingress;

import static dk.youthhub.hub.support.Records.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /api/v1/jobcenter/events}: 202 after Kafka's ack, 400, 401, 403, 413. */
class JobcenterIngressIT extends HubIT {
    private static final Path FIXTURES =
            Path.of("../connectors/jobcenter/src/test/resources/fixtures");
    private static final String EXAMPLE_ID = "c0a8012e-7f3b-4d2a-a1e4-5b6c7d8e9f00";
    private static final String EVENTS = "it.jobcenter.events.v1";

    @LocalServerPort int port;
    @Autowired Pseudonymizer pseudonymizer;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aValidEventIsStoredUnchangedKeyedByPseudonymAndBecomesCanonical() throws Exception {
        String eventId = UUID.randomUUID().toString();
        byte[] body = example(eventId);

        HttpResponse<String> response = post(body, JOBCENTER_TOKEN);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(CanonicalJson.mapper().readTree(response.body()).get("eventId").asText())
                .isEqualTo(eventId);
        List<ConsumerRecord<byte[], byte[]>> stored =
                Records.containing(Records.readAll(servers, EVENTS), eventId);
        assertThat(stored).as("on Kafka when 202 is answered, once").hasSize(1);
        assertThat(stored.get(0).value()).isEqualTo(body);
        assertThat(text(stored.get(0).key())).isEqualTo(pseudonymizer.pseudonym("2409074982"));
        assertThat(stored.get(0).headers().toArray())
                .as("no HTTP header reaches Kafka; the hub marks the event id")
                .extracting(h -> h.key())
                .containsExactly("hub_event_id");

        JsonNode canonical =
                CanonicalJson.mapper()
                        .readTree(
                                Records.awaitContaining(servers, "it.canonical.jobplan.v1", eventId)
                                        .value());
        assertThat(canonical.at("/documentId").asText()).isEqualTo("jobcenter:jobplan:MP-33017");
        assertThat(canonical.at("/youngPerson/cpr").asText()).isEqualTo("2409074982");
    }

    @Test
    void theJobCentreReadsWhatBecameOfItsEventsAtTheLocationOfTheAnswer() throws Exception {
        String eventId = UUID.randomUUID().toString();
        HttpResponse<String> accepted = post(example(eventId), JOBCENTER_TOKEN);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/jobcenter/events/" + eventId);

        HttpResponse<String> now = get(location, JOBCENTER_TOKEN);
        assertThat(now.statusCode()).as("known from the 202 on").isEqualTo(200);
        assertThat(CanonicalJson.mapper().readTree(now.body()).get("eventId").asText())
                .isEqualTo(eventId);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> get(location, JOBCENTER_TOKEN).body().contains("\"ACCEPTED\""));
        assertThat(get(location, JOBCENTER_TOKEN).body()).doesNotContain("2409074982");

        assertThat(
                        get("/api/v1/jobcenter/events/" + UUID.randomUUID(), JOBCENTER_TOKEN)
                                .statusCode())
                .as("an id it never sent")
                .isEqualTo(404);
        assertThat(get(location, DUBU_TOKEN).statusCode()).isEqualTo(403);
        assertThat(get(location, ADMIN_TOKEN).statusCode()).isEqualTo(403);
        assertThat(get(location, null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    @Test
    void anInvalidEventIsA400ListingEveryViolationAndNothingIsStored() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String body =
                "{\"eventId\":\""
                        + eventId
                        + "\",\"eventType\":\"JOBPLAN_UPDATED\",\"municipalityCode\":265,"
                        + "\"citizen\":{\"cprNumber\":\"240907-4982\"},"
                        + "\"jobplan\":{\"revision\":0,\"targetGroup\":\"RETIRED\"}}";

        HttpResponse<String> response =
                post(body.getBytes(StandardCharsets.UTF_8), JOBCENTER_TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
        JsonNode problem = CanonicalJson.mapper().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(response.body())
                .contains(
                        "/: required 'occurredAt'",
                        "/municipalityCode: type",
                        "/jobplan: required 'planId'",
                        "/jobplan/revision: minimum",
                        "/jobplan/targetGroup: enum")
                .doesNotContain("240907", "RETIRED");
        assertThat(Records.readAll(servers, EVENTS))
                .noneMatch(r -> text(r.value()).contains(eventId));
    }

    @Test
    void malformedDuplicateKeysDeepNestingUnknownTypeAndInvalidCprAre400WithTheirCodes()
            throws Exception {
        String ok = new String(example(UUID.randomUUID().toString()), StandardCharsets.UTF_8);
        assertCode(ok.substring(0, ok.length() / 2), "MALFORMED");
        assertCode(ok.replace("\"revision\": 2", "\"revision\": 2, \"revision\": 3"), "MALFORMED");
        assertCode("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", "MALFORMED");
        assertCode(ok.replace("JOBPLAN_UPDATED", "BENEFIT_STOPPED"), "UNKNOWN_TYPE");
        assertCode(ok.replace("240907-4982", "290207-4982"), "INVALID_CPR");
    }

    @Test
    void noTokenOrAnUnknownTokenIs401() throws Exception {
        byte[] body = example(UUID.randomUUID().toString());
        HttpResponse<String> none =
                send(request().POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(post(body, "not-a-token").statusCode()).isEqualTo(401);
        assertThat(post(body, "dev-token-jobcenter").statusCode())
                .as("development tokens only exist with the embedded broker")
                .isEqualTo(401);
    }

    @Test
    void anotherSystemsOrTheAdminsTokenIs403() throws Exception {
        byte[] body = example(UUID.randomUUID().toString());
        assertThat(post(body, DUBU_TOKEN).statusCode()).isEqualTo(403);
        assertThat(post(body, ADMIN_TOKEN).statusCode()).isEqualTo(403);
    }

    @Test
    void aBodyOverTheLimitIs413AnnouncedOrStreamed() throws Exception {
        byte[] big = new byte[600 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThat(post(big, JOBCENTER_TOKEN).statusCode()).isEqualTo(413);
        HttpResponse<String> chunked =
                send(
                        request()
                                .header("Authorization", "Bearer " + JOBCENTER_TOKEN)
                                .POST(
                                        HttpRequest.BodyPublishers.ofInputStream(
                                                () -> new ByteArrayInputStream(big)))
                                .build());
        assertThat(chunked.statusCode()).isEqualTo(413);
    }

    private void assertCode(String body, String code) throws Exception {
        HttpResponse<String> response =
                post(body.getBytes(StandardCharsets.UTF_8), JOBCENTER_TOKEN);
        assertThat(response.statusCode()).as(code).isEqualTo(400);
        assertThat(CanonicalJson.mapper().readTree(response.body()).at("/errors/0/code").asText())
                .isEqualTo(code);
    }

    private byte[] example(String eventId) throws Exception {
        return Files.readString(FIXTURES.resolve("valid/jobplan-contract-example.native.json"))
                .replace(EXAMPLE_ID, eventId)
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(byte[] body, String token) throws Exception {
        return send(
                request()
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build());
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/jobcenter/events"))
                .header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
