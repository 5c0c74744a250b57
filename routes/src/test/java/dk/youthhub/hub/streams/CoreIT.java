package dk.youthhub.hub.streams;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Cpr;
import dk.youthhub.hub.support.DubuEvents;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedWireMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole hub: native events in, consent decides, the job centre gets the delivery over HTTP. */
class CoreIT extends HubIT {
    @LocalServerPort int port;
    private final WireMockServer jobcenter = SharedWireMock.server();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAdultsConsentLetsThePlanReachTheJobCentreOverHttp() throws Exception {
        String cpr = DubuEvents.cpr(2005);
        String planId = "HP-" + UUID.randomUUID();
        send(DubuEvents.consent(cpr, "Barn", "S-" + UUID.randomUUID()));
        send(DubuEvents.plan(cpr, planId));

        String documentId = "dubu:handleplan:" + planId;
        await().atMost(Duration.ofSeconds(60)).until(() -> !delivered(documentId).isEmpty());
        String body = delivered(documentId).get(0).getBodyAsString();
        JsonNode delivery = CanonicalJson.mapper().readTree(body);
        assertThat(delivery.at("/citizen/cprNumber").asText()).isEqualTo(cpr);
        assertThat(body)
                .doesNotContain("Ugentligt samvær med mor"); // a family goal: minimised away
        assertThat(body).contains("Gennemføre 9. klasse med afgangsprøve");
    }

    @Test
    void aDocumentTheJobCentreRefusesIsDispatchedThenFailedInAValidChainAndNeverDelivered()
            throws Exception {
        String cpr = DubuEvents.cpr(2004);
        String planId = "HP-" + UUID.randomUUID();
        String documentId = "dubu:handleplan:" + planId;
        jobcenter.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.post(
                                urlEqualTo("/api/v1/hub-deliveries"))
                        .withRequestBody(matchingJsonPath("$.documentId", equalTo(documentId)))
                        .atPriority(1)
                        .willReturn(
                                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                        .withStatus(422)));
        send(DubuEvents.consent(cpr, "Barn", "S-" + UUID.randomUUID()));
        send(DubuEvents.plan(cpr, planId));

        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                query("/api/v1/audit/query", cpr)
                                        .body()
                                        .contains("\"DELIVERY_FAILED\""));
        JsonNode trail = CanonicalJson.mapper().readTree(query("/api/v1/audit/query", cpr).body());
        assertThat(trail.get("chainValid").asBoolean()).isTrue();
        java.util.List<String> forJobcenter = new java.util.ArrayList<>();
        trail.get("records")
                .forEach(
                        r -> {
                            if (documentId.equals(r.path("documentId").asText())
                                    && "jobcenter".equals(r.path("target").asText())) {
                                forJobcenter.add(r.get("action").asText());
                            }
                        });
        assertThat(forJobcenter)
                .containsSubsequence("DISPATCHED", "DELIVERY_FAILED")
                .doesNotContain("DELIVERED");
    }

    @Test
    void aRevocationAfterADocumentWasQueuedForTheJobCentreStopsItsPost() throws Exception {
        String cpr = DubuEvents.cpr(2006);
        String planId = "HP-" + UUID.randomUUID();
        String documentId = "dubu:handleplan:" + planId;
        String consentId = "S-" + UUID.randomUUID();
        var down =
                jobcenter.stubFor(
                        com.github.tomakehurst.wiremock.client.WireMock.post(
                                        urlEqualTo("/api/v1/hub-deliveries"))
                                .withRequestBody(
                                        matchingJsonPath("$.documentId", equalTo(documentId)))
                                .atPriority(1)
                                .willReturn(
                                        com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                                .withStatus(503)));
        send(DubuEvents.consent(cpr, "Barn", consentId));
        send(DubuEvents.plan(cpr, planId));
        await().atMost(Duration.ofSeconds(60)).until(() -> !delivered(documentId).isEmpty());

        // a revocation with the same event time as the grant: never stale
        send(revocation(cpr, consentId));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                query("/api/v1/audit/query", cpr)
                                        .body()
                                        .contains("\"CONSENT_REVOKED\""));
        jobcenter.removeStub(down);
        JsonNode trail = CanonicalJson.mapper().readTree(query("/api/v1/audit/query", cpr).body());
        assertThat(trail.get("chainValid").asBoolean()).isTrue();
        java.util.List<String> forJobcenter = new java.util.ArrayList<>();
        trail.get("records")
                .forEach(
                        r -> {
                            if (documentId.equals(r.path("documentId").asText())
                                    && "jobcenter".equals(r.path("target").asText())) {
                                forJobcenter.add(
                                        r.get("action").asText()
                                                + ":"
                                                + r.path("reason").asText(""));
                            }
                        });
        assertThat(forJobcenter)
                .containsSubsequence("DISPATCHED:", "REJECTED:CONSENT_REVOKED")
                .noneMatch(a -> a.startsWith("DELIVERED"));
        assertThat(jobcenter.getAllServeEvents())
                .filteredOn(e -> e.getRequest().getBodyAsString().contains(documentId))
                .allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo(503));
    }

    @Test
    void aConsentNarrowedWhileAPostWaitsSendsItBackToHeldAndANewConsentDeliversItOnce()
            throws Exception {
        String cpr = DubuEvents.cpr(2005);
        String planId = "HP-" + UUID.randomUUID();
        String documentId = "dubu:handleplan:" + planId;
        String consentId = "S-" + UUID.randomUUID();
        var down =
                jobcenter.stubFor(
                        com.github.tomakehurst.wiremock.client.WireMock.post(
                                        urlEqualTo("/api/v1/hub-deliveries"))
                                .withRequestBody(
                                        matchingJsonPath("$.documentId", equalTo(documentId)))
                                .atPriority(1)
                                .willReturn(
                                        com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                                .withStatus(503)));
        send(DubuEvents.consent(cpr, "Barn", consentId));
        send(DubuEvents.plan(cpr, planId));
        await().atMost(Duration.ofSeconds(60)).until(() -> !delivered(documentId).isEmpty());

        // a later version of the same consent that no longer names the job centre
        send(
                new String(DubuEvents.consent(cpr, "Barn", consentId), StandardCharsets.UTF_8)
                        .replace("<Modtager>jobcenter</Modtager>", "")
                        .replace("2026-03-10T10:00:00", "2026-03-11T10:00:00")
                        .getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> forJobcenter(cpr, documentId).contains("HELD:NO_CONSENT"));
        jobcenter.removeStub(down);
        assertThat(jobcenter.getAllServeEvents())
                .filteredOn(e -> e.getRequest().getBodyAsString().contains(documentId))
                .allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo(503));

        send(DubuEvents.consent(cpr, "Barn", "S-" + UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> forJobcenter(cpr, documentId).contains("DELIVERED:"));
        assertThat(forJobcenter(cpr, documentId))
                .containsSubsequence(
                        "DISPATCHED:", "HELD:NO_CONSENT", "RELEASED:", "DISPATCHED:", "DELIVERED:")
                .filteredOn(a -> a.startsWith("DELIVERED"))
                .hasSize(1);
        assertThat(jobcenter.getAllServeEvents())
                .filteredOn(e -> e.getRequest().getBodyAsString().contains(documentId))
                .filteredOn(e -> e.getResponse().getStatus() / 100 == 2)
                .hasSize(1);
        assertThat(
                        CanonicalJson.mapper()
                                .readTree(query("/api/v1/audit/query", cpr).body())
                                .get("chainValid")
                                .asBoolean())
                .isTrue();
    }

    @Test
    void theAccessExtractTellsTheYoungPersonsTrailInDanishWithoutNamesOrOthers() throws Exception {
        String cpr = DubuEvents.cpr(2005);
        String consentId = "S-" + UUID.randomUUID();
        String planId = "HP-" + UUID.randomUUID();
        send(DubuEvents.consent(cpr, "Barn", consentId));
        send(DubuEvents.plan(cpr, planId));
        send(
                new String(DubuEvents.plan(cpr, "HP-" + UUID.randomUUID()), StandardCharsets.UTF_8)
                        .replace(
                                "<GyldigFra>2026-03-01</GyldigFra>",
                                "<GyldigFra>2026-02-30</GyldigFra>")
                        .getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            String body = query("/api/v1/audit/query", cpr).body();
                            return body.contains("\"DEAD_LETTERED\"")
                                    && body.contains("\"HELD\"")
                                    && body.contains("\"DISPATCHED\"");
                        });
        JsonNode trail = CanonicalJson.mapper().readTree(query("/api/v1/audit/query", cpr).body());
        JsonNode extract =
                CanonicalJson.mapper().readTree(query("/api/v1/audit/extract", cpr).body());
        JsonNode lines = extract.get("lines");
        assertThat(lines.size())
                .as("one line per record of the trail (and the query's own disclosure)")
                .isGreaterThanOrEqualTo(trail.get("records").size());
        for (int i = 0; i < trail.get("records").size(); i++) {
            assertThat(lines.get(i).get("action").asText())
                    .isEqualTo(trail.get("records").get(i).get("action").asText());
        }
        List<String> texts = new java.util.ArrayList<>();
        lines.forEach(l -> texts.add(l.get("text").asText()));
        assertThat(texts)
                .anyMatch(t -> t.equals("En handleplan blev sendt til jobcenter."))
                .anyMatch(
                        t ->
                                t.startsWith(
                                        "En handleplan blev holdt tilbage fra dhuv, fordi der manglede samtykke"))
                .anyMatch(t -> t.contains("kunne ikke læses"))
                .anyMatch(
                        t ->
                                t.equals(
                                        "Dine oplysninger blev vist for hubbens drift (administrator)."));
        assertThat(lines)
                .anyMatch(
                        l ->
                                l.get("action").asText().equals("DISPATCHED")
                                        && l.get("consentIds").toString().contains(consentId));
        assertThat(extract.toString())
                .doesNotContain(cpr)
                .doesNotContain("Sofie")
                .doesNotContain("p-");

        HttpRequest html =
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/audit/extract"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "text/html")
                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"cpr\":\"" + cpr + "\"}"))
                        .build();
        HttpResponse<String> page = http.send(html, HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body())
                .contains("Dine oplysninger i integrationshubben")
                .doesNotContain(cpr);
        assertThat(query("/api/v1/audit/extract", DubuEvents.cpr(2005)).statusCode())
                .isEqualTo(404);
        assertThat(
                        send("/api/v1/audit/extract", "{\"cpr\":\"" + cpr + "\"}", JOBCENTER_TOKEN)
                                .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anErasedYoungPersonIsGoneFromTheStateOthersAreNotAndTheChainStaysValid() throws Exception {
        String erased = DubuEvents.cpr(2005);
        String kept = DubuEvents.cpr(2005);
        for (String cpr : List.of(erased, kept)) {
            send(DubuEvents.plan(cpr, "HP-" + UUID.randomUUID()));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                query("/api/v1/youth/query", erased).statusCode() == 200
                                        && query("/api/v1/youth/query", kept).statusCode() == 200);
        assertThat(query("/api/v1/held/query", erased).body()).contains("\"held\":[{");

        assertThat(
                        send(
                                        "/api/v1/youth/erase",
                                        "{\"cpr\":\""
                                                + erased
                                                + "\",\"reason\":\"x "
                                                + erased
                                                + "\"}",
                                        ADMIN_TOKEN)
                                .statusCode())
                .as("a reason with a CPR number is refused")
                .isEqualTo(400);
        assertThat(
                        send(
                                        "/api/v1/youth/erase",
                                        "{\"cpr\":\"" + erased + "\",\"reason\":\"Anmodning\"}",
                                        JOBCENTER_TOKEN)
                                .statusCode())
                .isEqualTo(403);
        assertThat(
                        send(
                                        "/api/v1/youth/erase",
                                        "{\"cpr\":\""
                                                + erased
                                                + "\",\"reason\":\"Anmodning fra den unge\"}",
                                        ADMIN_TOKEN)
                                .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> query("/api/v1/youth/query", erased).statusCode() == 404);
        assertThat(query("/api/v1/youth/query", kept).statusCode()).isEqualTo(200);
        JsonNode trail =
                CanonicalJson.mapper().readTree(query("/api/v1/audit/query", erased).body());
        assertThat(trail.get("chainValid").asBoolean()).isTrue();
        assertThat(trail.toString()).contains("\"ERASED\"").doesNotContain(erased);
        assertThat(query("/api/v1/audit/extract", erased).body())
                .contains("Dine oplysninger blev slettet fra hubben.");
        assertThat(query("/api/v1/held/query", erased).body()).contains("\"held\":[]");
        assertThat(query("/api/v1/held/query", kept).body()).contains("\"held\":[{");
        assertThat(
                        send(
                                        "/api/v1/youth/erase",
                                        "{\"cpr\":\""
                                                + DubuEvents.cpr(1999)
                                                + "\",\"reason\":\"x\"}",
                                        ADMIN_TOKEN)
                                .statusCode())
                .isEqualTo(404);
    }

    private List<String> forJobcenter(String cpr, String documentId) throws Exception {
        JsonNode trail = CanonicalJson.mapper().readTree(query("/api/v1/audit/query", cpr).body());
        List<String> actions = new java.util.ArrayList<>();
        trail.get("records")
                .forEach(
                        r -> {
                            if (documentId.equals(r.path("documentId").asText())
                                    && "jobcenter".equals(r.path("target").asText())) {
                                actions.add(
                                        r.get("action").asText()
                                                + ":"
                                                + r.path("reason").asText(""));
                            }
                        });
        return actions;
    }

    @Test
    void underEighteenTheDocumentWaitsVisiblyUntilAParentConsents() throws Exception {
        String cpr = DubuEvents.cpr(2010);
        String planId = "HP-" + UUID.randomUUID();
        String documentId = "dubu:handleplan:" + planId;
        send(DubuEvents.consent(cpr, "Barn", "S-" + UUID.randomUUID()));
        send(DubuEvents.plan(cpr, planId));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> query("/api/v1/held/query", cpr).body().contains(documentId));
        assertThat(
                        CanonicalJson.mapper()
                                .readTree(query("/api/v1/held/query", cpr).body())
                                .get("held"))
                .anySatisfy(h -> assertThat(h.get("target").asText()).isEqualTo("jobcenter"));
        assertThat(delivered(documentId)).isEmpty();

        send(DubuEvents.consent(cpr, "Forælder", "S-" + UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60)).until(() -> !delivered(documentId).isEmpty());

        // the job centre's answer is its receipt: DELIVERED follows DISPATCHED in the chain
        await().atMost(Duration.ofSeconds(60))
                .until(() -> query("/api/v1/audit/query", cpr).body().contains("\"DELIVERED\""));
        HttpResponse<String> audit = query("/api/v1/audit/query", cpr);
        assertThat(audit.statusCode()).isEqualTo(200);
        JsonNode trail = CanonicalJson.mapper().readTree(audit.body());
        assertThat(trail.get("chainValid").asBoolean()).isTrue();
        assertThat(trail.get("firstBreak").isNull()).isTrue();
        // the core's head of this chain is one of its records: a checkpoint an operator keeps
        JsonNode checkpoint =
                CanonicalJson.mapper()
                        .readTree(
                                http.send(
                                                HttpRequest.newBuilder(
                                                                URI.create(
                                                                        "http://localhost:"
                                                                                + port
                                                                                + "/api/v1/audit/checkpoint"))
                                                        .header(
                                                                "Authorization",
                                                                "Bearer " + ADMIN_TOKEN)
                                                        .build(),
                                                HttpResponse.BodyHandlers.ofString())
                                        .body());
        String head = checkpoint.at("/heads/" + trail.get("pseudonym").asText()).asText();
        assertThat(head).hasSize(64);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> query("/api/v1/audit/query", cpr).body().contains(head));
        assertThat(checkpoint.get("digest").asText()).hasSize(64);
        assertThat(trail.get("records"))
                .extracting(r -> r.get("action").asText())
                .containsSubsequence("RECEIVED", "HELD", "RELEASED", "DISPATCHED", "DELIVERED");
        assertThat(audit.body()).doesNotContain(cpr);
        assertThat(
                        CanonicalJson.mapper()
                                .readTree(query("/api/v1/held/query", cpr).body())
                                .get("held"))
                .as("nothing of it waits any more")
                .noneSatisfy(h -> assertThat(h.get("documentId").asText()).isEqualTo(documentId));
    }

    @Test
    void noAuditRecordOnTheTopicHoldsACprNumberOrAName() throws Exception {
        String cpr = DubuEvents.cpr(2004);
        String planId = "HP-" + UUID.randomUUID();
        send(DubuEvents.consent(cpr, "Barn", "S-" + UUID.randomUUID()));
        send(DubuEvents.plan(cpr, planId));
        send(
                "<Haendelse xmlns=\"urn:dubu-like:haendelse:1\"><HaendelseId>"
                        .getBytes(StandardCharsets.UTF_8));
        Records.awaitContaining(servers, "it.hub.audit.v1", planId);
        Records.awaitContaining(servers, "it.hub.audit.v1", "DEAD_LETTERED");

        List<ConsumerRecord<byte[], byte[]>> all = Records.readAll(servers, "it.hub.audit.v1");
        assertThat(all).hasSizeGreaterThan(3);
        Pattern cprShaped = Pattern.compile("\\b\\d{6}-?\\d{4}\\b");
        for (ConsumerRecord<byte[], byte[]> r : all) {
            String json = Records.text(r.value());
            Matcher m = cprShaped.matcher(json);
            while (m.find()) {
                assertThat(Cpr.parse(m.group())).as("a CPR number in an audit record").isEmpty();
            }
            assertThat(json).doesNotContain("Sofie", "Østergård", "Jens Ålund", "Mikkel", "Ahmad");
        }
    }

    @Test
    void theQueriesNeedTheAdminAndAValidCpr() throws Exception {
        assertThat(send("/api/v1/audit/query", "{\"cpr\":\"1203094127\"}", null).statusCode())
                .isEqualTo(401);
        assertThat(
                        send("/api/v1/audit/query", "{\"cpr\":\"1203094127\"}", JOBCENTER_TOKEN)
                                .statusCode())
                .isEqualTo(403);
        assertThat(send("/api/v1/held/query", "{\"cpr\":\"3102094127\"}", ADMIN_TOKEN).statusCode())
                .isEqualTo(400);
        assertThat(send("/api/v1/held/query", "not json", ADMIN_TOKEN).statusCode()).isEqualTo(400);
        assertThat(query("/api/v1/audit/query", DubuEvents.cpr(1999)).statusCode())
                .as("someone the hub knows nothing of: 404, and nothing is written")
                .isEqualTo(404);
    }

    @Test
    void everyAnswerThatShowsAPersonsDataIsDisclosedInTheirChainFirst() throws Exception {
        String cpr = DubuEvents.cpr(2005);
        send(DubuEvents.consent(cpr, "Barn", "S-" + UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> query("/api/v1/audit/query", cpr).statusCode() == 200);
        query("/api/v1/held/query", cpr);
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                query("/api/v1/audit/query", cpr)
                                        .body()
                                        .contains("\"reason\":\"held/query\""));
        JsonNode trail = CanonicalJson.mapper().readTree(query("/api/v1/audit/query", cpr).body());
        assertThat(trail.get("chainValid").asBoolean()).isTrue();
        assertThat(trail.get("records"))
                .filteredOn(r -> r.get("action").asText().equals("DISCLOSED"))
                .isNotEmpty()
                .allSatisfy(
                        r -> {
                            assertThat(r.get("target").asText()).isEqualTo("admin");
                            assertThat(r.get("credential").asText()).isEqualTo("admin");
                            assertThat(r.get("source").asText()).isEqualTo("hub");
                        });
    }

    private java.util.List<com.github.tomakehurst.wiremock.verification.LoggedRequest> delivered(
            String documentId) {
        return jobcenter.findAll(
                postRequestedFor(urlEqualTo("/api/v1/hub-deliveries"))
                        .withRequestBody(matchingJsonPath("$.documentId", equalTo(documentId))));
    }

    private void send(byte[] xml) throws Exception {
        Records.send(servers, "it.dubu.events.v1", null, xml);
    }

    private static byte[] revocation(String cpr, String consentId) throws Exception {
        return new String(DubuEvents.consent(cpr, "Barn", consentId), StandardCharsets.UTF_8)
                .replace("<Status>Givet</Status>", "<Status>Tilbagekaldt</Status>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> query(String path, String cpr) throws Exception {
        return send(path, "{\"cpr\":\"" + cpr + "\"}", ADMIN_TOKEN);
    }

    private HttpResponse<String> send(String path, String body, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
