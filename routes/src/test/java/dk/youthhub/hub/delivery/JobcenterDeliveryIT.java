package dk.youthhub.hub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dk.youthhub.hub.support.Records.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.kafka.CloudEvents;
import dk.youthhub.hub.support.Deliveries;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedWireMock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job centre's HTTP delivery against a real local HTTP server. */
class JobcenterDeliveryIT extends HubIT {
    private static final String DELIVERIES = "it.jobcenter.deliveries.v1";
    private static final String DEAD = "it.hub.deadletter.v1";
    private static final byte[] KEY = "delivery-it".getBytes(StandardCharsets.UTF_8);

    @Autowired ConnectorRegistry registry;
    @Autowired HttpDeliveries deliveries;
    @Autowired org.springframework.boot.test.web.client.TestRestTemplate health;

    private final WireMockServer jobcenter = SharedWireMock.server();

    @Test
    void a503ThenA200IsDeliveredOnceWithTheSameKeyTokenAndBody() throws Exception {
        String doc = newDocumentId();
        stubInSequence(doc, 503, 200);
        byte[] delivery = delivery(doc, 1);

        Records.send(servers, DELIVERIES, KEY, delivery, Deliveries.ceId(doc, 1));

        List<LoggedRequest> requests = awaitRequests(doc, 2);
        assertThat(requests)
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly(CloudEvents.deliveryId("jobcenter", doc, 1));
        assertThat(requests)
                .extracting(r -> r.getHeader("Authorization"))
                .containsOnly("Bearer " + HUB_TO_JOBCENTER_TOKEN);
        assertThat(requests)
                .extracting(r -> r.getHeader("Content-Type"))
                .containsOnly("application/json");
        assertThat(requests.get(1).getBody()).isEqualTo(delivery);
        assertNotDeadLettered(doc);
    }

    @Test
    void a429IsRetriedNoEarlierThanRetryAfter() throws Exception {
        String doc = newDocumentId();
        jobcenter.stubFor(
                forDocument(doc)
                        .inScenario(doc)
                        .whenScenarioStateIs(STARTED)
                        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                        .willSetStateTo("next"));
        jobcenter.stubFor(
                forDocument(doc)
                        .inScenario(doc)
                        .whenScenarioStateIs("next")
                        .willReturn(aResponse().withStatus(202)));

        Records.send(servers, DELIVERIES, KEY, delivery(doc, 1), Deliveries.ceId(doc, 1));

        List<LoggedRequest> requests = awaitRequests(doc, 2);
        long gapMs =
                requests.get(1).getLoggedDate().getTime()
                        - requests.get(0).getLoggedDate().getTime();
        assertThat(gapMs).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(950);
        assertNotDeadLettered(doc);
    }

    @Test
    void a400IsDeadLetteredDeliveryFailedAndNotRetried() throws Exception {
        String bad = newDocumentId();
        String next = newDocumentId();
        jobcenter.stubFor(forDocument(bad).willReturn(aResponse().withStatus(400)));
        jobcenter.stubFor(forDocument(next).willReturn(aResponse().withStatus(201)));
        byte[] delivery = delivery(bad, 1);

        Records.send(servers, DELIVERIES, KEY, delivery, Deliveries.ceId(bad, 1));
        Records.send(servers, DELIVERIES, KEY, delivery(next, 1), Deliveries.ceId(next, 1));

        ConsumerRecord<byte[], byte[]> dead = Records.awaitContaining(servers, DEAD, bad);
        assertThat(header(dead, DeadLetters.ERROR_CODE)).isEqualTo("DELIVERY_FAILED");
        assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(DELIVERIES);
        assertThat(dead.value()).isEqualTo(delivery);
        awaitRequests(next, 1);
        assertThat(requestsFor(bad)).hasSize(1);
    }

    @Test
    void a409CountsAsDeliveredAndAKeyDiffersBetweenVersions() throws Exception {
        String doc = newDocumentId();
        jobcenter.stubFor(forDocument(doc).willReturn(aResponse().withStatus(409)));

        Records.send(servers, DELIVERIES, KEY, delivery(doc, 1), Deliveries.ceId(doc, 1));
        Records.send(servers, DELIVERIES, KEY, delivery(doc, 2), Deliveries.ceId(doc, 2));

        List<LoggedRequest> requests = awaitRequests(doc, 2);
        assertThat(requests)
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsExactly(
                        CloudEvents.deliveryId("jobcenter", doc, 1),
                        CloudEvents.deliveryId("jobcenter", doc, 2));
        assertNotDeadLettered(doc);
    }

    @Test
    void aLongOutageOpensTheCircuitStallsNothingElseAndTheBacklogDrains() throws Exception {
        List<String> docs = IntStream.range(0, 4).mapToObj(i -> newDocumentId()).toList();
        docs.forEach(
                d ->
                        jobcenter.stubFor(
                                forDocument(d)
                                        .atPriority(1)
                                        .willReturn(aResponse().withStatus(503))));
        int openedBefore = deliveries.channels().get("jobcenter").breaker().timesOpened();
        for (String d : docs) {
            Records.send(servers, DELIVERIES, KEY, delivery(d, 1), Deliveries.ceId(d, 1));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                deliveries.channels().get("jobcenter").breaker().timesOpened()
                                        > openedBefore);
        assertThat(adminHealth(health).getBody())
                .as("the hub stays UP; the open circuit is a detail")
                .contains("\"status\":\"UP\"", "\"jobcenterCircuit\"")
                .doesNotContain("\"jobcenterCircuit\":\"CLOSED\"");

        // the rest of the hub goes on: a DUBU event still becomes canonical during the outage
        String eventId = UUID.randomUUID().toString();
        Records.send(
                servers,
                "it.dubu.events.v1",
                null,
                Files.readString(
                                Path.of(
                                        "../connectors/dubu/src/test/resources/fixtures/valid/undersoegelse-sample.native.xml"))
                        .replace("a7b6c5d4-e3f2-4a1b-9c8d-7e6f5a4b3c2d", eventId)
                        .getBytes(StandardCharsets.UTF_8));
        Records.awaitContaining(servers, "it.canonical.assessment.v1", eventId);

        docs.forEach(
                d ->
                        jobcenter.stubFor(
                                forDocument(d)
                                        .atPriority(1)
                                        .willReturn(aResponse().withStatus(200))));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> {
                            for (String d : docs) {
                                assertThat(jobcenter.getAllServeEvents())
                                        .anySatisfy(
                                                e -> {
                                                    assertThat(e.getRequest().getBodyAsString())
                                                            .contains(d);
                                                    assertThat(e.getResponse().getStatus())
                                                            .isEqualTo(200);
                                                });
                            }
                        });
        for (String d : docs) {
            assertNotDeadLettered(d);
        }
    }

    private void stubInSequence(String doc, int first, int then) {
        jobcenter.stubFor(
                forDocument(doc)
                        .inScenario(doc)
                        .whenScenarioStateIs(STARTED)
                        .willReturn(aResponse().withStatus(first))
                        .willSetStateTo("next"));
        jobcenter.stubFor(
                forDocument(doc)
                        .inScenario(doc)
                        .whenScenarioStateIs("next")
                        .willReturn(aResponse().withStatus(then)));
    }

    private static MappingBuilder forDocument(String documentId) {
        return post(urlEqualTo("/api/v1/hub-deliveries"))
                .withRequestBody(matchingJsonPath("$.documentId", equalTo(documentId)));
    }

    private List<LoggedRequest> requestsFor(String documentId) {
        return jobcenter.findAll(
                postRequestedFor(urlEqualTo("/api/v1/hub-deliveries"))
                        .withRequestBody(matchingJsonPath("$.documentId", equalTo(documentId))));
    }

    private List<LoggedRequest> awaitRequests(String documentId, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> requestsFor(documentId).size() >= count);
        return requestsFor(documentId);
    }

    private void assertNotDeadLettered(String documentId) {
        assertThat(Records.containing(Records.readAll(servers, DEAD), documentId)).isEmpty();
    }

    private byte[] delivery(String documentId, long version) throws Exception {
        return Deliveries.jobplan(registry, documentId, version);
    }

    private static String newDocumentId() {
        return "jobcenter:jobplan:IT-" + UUID.randomUUID();
    }
}
