package dk.youthhub.hub.deadletter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.support.Deliveries;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedWireMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The operators' dead-letter API on a real broker. */
class DeadLetterApiIT extends HubIT {
    private static final String DEAD = "it.hub.deadletter.v1";

    @LocalServerPort int port;
    @Autowired ConnectorRegistry registry;
    @Autowired Pseudonymizer pseudonymizer;

    private final HttpClient http = HttpClient.newHttpClient();
    private final WireMockServer jobcenter = SharedWireMock.server();

    @Test
    void onlyTheAdminMayListOrReplay() throws Exception {
        assertThat(send("GET", "/api/v1/deadletters", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/deadletters", JOBCENTER_TOKEN).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/deadletters/0-0/replay", DUBU_TOKEN).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theListShowsCodeAndPositionButNoContent() throws Exception {
        String eventId = UUID.randomUUID().toString();
        byte[] bad =
                Files.readString(
                                Path.of(
                                        "../connectors/dubu/src/test/resources/fixtures/invalid/unknown-type.UNKNOWN_TYPE.native.xml"))
                        .replace("3f2b8a4e-6c1d-4e0a-9b7a-2d5c1e9f0a11", eventId)
                        .getBytes(StandardCharsets.UTF_8);
        Records.send(servers, "it.dubu.events.v1", null, bad);
        ConsumerRecord<byte[], byte[]> dead = Records.awaitContaining(servers, DEAD, eventId);

        HttpResponse<String> list = send("GET", "/api/v1/deadletters?limit=1000", ADMIN_TOKEN);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode entry = entry(list, dead.partition() + "-" + dead.offset());
        assertThat(entry.get("errorCode").asText()).isEqualTo("UNKNOWN_TYPE");
        assertThat(entry.get("sourceTopic").asText()).isEqualTo("it.dubu.events.v1");
        assertThat(entry.get("valueBytes").asInt()).isEqualTo(bad.length);
        assertThat(list.body()).doesNotContain(eventId, "120309", "Sofie");
        assertThat(send("GET", "/api/v1/deadletters?limit=0", ADMIN_TOKEN).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aReplayedDeliveryIsDeliveredOnceTheJobCentreTakesIt() throws Exception {
        String doc = "jobcenter:jobplan:DLQ-" + UUID.randomUUID();
        jobcenter.stubFor(
                post(urlEqualTo("/api/v1/hub-deliveries"))
                        .withRequestBody(matchingJsonPath("$.documentId", equalTo(doc)))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(422)));
        Records.send(
                servers,
                "it.jobcenter.deliveries.v1",
                null,
                delivery(doc),
                Deliveries.ceId(doc, 1));
        ConsumerRecord<byte[], byte[]> dead = Records.awaitContaining(servers, DEAD, doc);

        jobcenter.stubFor(
                post(urlEqualTo("/api/v1/hub-deliveries"))
                        .withRequestBody(matchingJsonPath("$.documentId", equalTo(doc)))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(201)));
        HttpResponse<String> replay =
                send(
                        "POST",
                        "/api/v1/deadletters/" + dead.partition() + "-" + dead.offset() + "/replay",
                        ADMIN_TOKEN);

        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(replay.body()).contains("it.jobcenter.deliveries.v1/");
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                jobcenter.getAllServeEvents().stream()
                                        .anyMatch(
                                                e ->
                                                        e.getRequest()
                                                                        .getBodyAsString()
                                                                        .contains(doc)
                                                                && e.getResponse().getStatus()
                                                                        == 201));
        assertThat(
                        jobcenter.findAll(
                                postRequestedFor(urlEqualTo("/api/v1/hub-deliveries"))
                                        .withRequestBody(
                                                matchingJsonPath("$.documentId", equalTo(doc)))))
                .hasSize(2);
    }

    @Test
    void aCanonicalDocumentIsReplayedUnderTheYoungPersonsPseudonymOfTheCurrentKey()
            throws Exception {
        String cpr = "0103074007";
        String doc = "dubu:handleplan:DLQ-" + UUID.randomUUID();
        ObjectNode plan =
                (ObjectNode)
                        CanonicalJson.mapper()
                                .readTree(
                                        Path.of(
                                                        "../connectors/connector-kit/src/test/resources/canonical-samples/handleplan-child.canonical.json")
                                                .toFile());
        plan.put("documentId", doc);
        ((ObjectNode) plan.get("youngPerson")).put("cpr", cpr);
        String at =
                Records.send(
                        servers,
                        DEAD,
                        "a-pseudonym-under-an-earlier-key".getBytes(StandardCharsets.UTF_8),
                        CanonicalJson.mapper().writeValueAsBytes(plan),
                        Records.header(DeadLetters.ERROR_CODE, "PROCESSING_FAILED"),
                        Records.header(DeadLetters.SOURCE_TOPIC, "it.canonical.handleplan.v1"),
                        Records.header(DeadLetters.SOURCE_PARTITION, "0"),
                        Records.header(DeadLetters.SOURCE_OFFSET, "0"));
        String id = at.substring(at.indexOf('/') + 1).replace('@', '-');

        assertThat(send("POST", "/api/v1/deadletters/" + id + "/replay", ADMIN_TOKEN).statusCode())
                .isEqualTo(202);

        ConsumerRecord<byte[], byte[]> replayed =
                Records.awaitContaining(servers, "it.canonical.handleplan.v1", doc);
        assertThat(new String(replayed.key(), StandardCharsets.UTF_8))
                .as("the pseudonym the core keeps the young person's state under now")
                .isEqualTo(pseudonymizer.pseudonym(cpr));
    }

    @Test
    void anUnknownOrMalformedIdIs404() throws Exception {
        assertThat(send("POST", "/api/v1/deadletters/0-999999999/replay", ADMIN_TOKEN).statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/deadletters/not-an-id/replay", ADMIN_TOKEN).statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/deadletters/99-0/replay", ADMIN_TOKEN).statusCode())
                .isEqualTo(404);
    }

    private static JsonNode entry(HttpResponse<String> list, String id) throws Exception {
        for (JsonNode e : CanonicalJson.mapper().readTree(list.body()).get("deadLetters")) {
            if (e.get("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("dead letter " + id + " not listed");
    }

    private byte[] delivery(String documentId) throws Exception {
        return Deliveries.jobplan(registry, documentId, 1);
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, HttpRequest.BodyPublishers.noBody());
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
