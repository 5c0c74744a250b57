package dk.youthhub.hub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dk.youthhub.hub.support.Records.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.kafka.CloudEvents;
import dk.youthhub.hub.support.Deliveries;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedWireMock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fault tests of the job-centre delivery stage against a real local HTTP server: an outage longer
 * than the circuit's open time, and a document the job centre always refuses.
 */
class DeliveryFaultIT extends HubIT {
    private static final String DELIVERIES = "it.jobcenter.deliveries.v1";
    private static final String DEAD = "it.hub.deadletter.v1";

    @Autowired ConnectorRegistry registry;
    @Autowired HttpDeliveries deliveries;

    private final WireMockServer jobcenter = SharedWireMock.server();

    @Test
    void anOutageLongerThanTheOpenCircuitLosesNothingUsesOneKeyPerDocumentAndKeepsOrder()
            throws Exception {
        String run = "OUT-" + UUID.randomUUID().toString().substring(0, 8);
        int people = 50;
        int docs = 20;
        StubMapping down =
                jobcenter.stubFor(
                        post(urlEqualTo("/api/v1/hub-deliveries"))
                                .withRequestBody(containing(run))
                                .atPriority(1)
                                .willReturn(aResponse().withStatus(503)));
        int opened = deliveries.channels().get("jobcenter").breaker().timesOpened();
        sendDeliveries(run, people, docs);

        // down for longer than the open time: the circuit opened, and a trial failed too
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                deliveries.channels().get("jobcenter").breaker().timesOpened()
                                        >= opened + 2);
        jobcenter.removeStub(down);

        Pattern doc = Pattern.compile(run + "-(\\d{3})-(\\d{4})");
        await().atMost(Duration.ofMinutes(2)).until(() -> accepted(run).size() == people * docs);
        Map<String, Set<String>> keys = new HashMap<>();
        Map<Integer, List<Integer>> order = new HashMap<>();
        for (ServeEvent e : inArrivalOrder(run)) {
            Matcher m = doc.matcher(e.getRequest().getBodyAsString());
            assertThat(m.find()).isTrue();
            keys.computeIfAbsent(m.group(), k -> new LinkedHashSet<>())
                    .add(e.getRequest().getHeader("Idempotency-Key"));
            if (e.getResponse().getStatus() / 100 == 2) {
                order.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>())
                        .add(Integer.parseInt(m.group(2)));
            }
        }
        assertThat(keys).hasSize(people * docs);
        keys.forEach(
                (d, k) ->
                        assertThat(k)
                                .as("one Idempotency-Key per document")
                                .containsExactly(
                                        CloudEvents.deliveryId(
                                                "jobcenter", "jobcenter:jobplan:" + d, 1)));
        assertThat(order).hasSize(people);
        order.values()
                .forEach(
                        seqs ->
                                assertThat(seqs)
                                        .as("accepted once each, in the young person's order")
                                        .containsExactlyElementsOf(
                                                java.util.stream.IntStream.range(0, docs)
                                                        .boxed()
                                                        .toList()));
        assertThat(Records.containing(Records.readAll(servers, DEAD), run)).isEmpty();
    }

    @Test
    void aDocumentAlwaysRefusedWith500IsDeadLetteredAfterItsBoundAndTheOthersGoOn()
            throws Exception {
        String run = "P500-" + UUID.randomUUID().toString().substring(0, 8);
        String poison = documentId(run, 0, 0);
        jobcenter.stubFor(
                post(urlEqualTo("/api/v1/hub-deliveries"))
                        .withRequestBody(containing(poison))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(500)));
        int people = 20;
        int docs = 10;
        // the poison is the first of young person 0: their later documents wait behind it
        sendDeliveries(run, people, docs);

        ConsumerRecord<byte[], byte[]> dead = Records.awaitContaining(servers, DEAD, poison);
        assertThat(header(dead, DeadLetters.ERROR_CODE)).isEqualTo("DELIVERY_FAILED");
        assertThat(header(dead, DeadLetters.TARGET)).isEqualTo("jobcenter");
        assertThat(header(dead, DeadLetters.ERROR_MESSAGE)).contains("500");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> accepted(run).size() == people * docs - 1);
        assertThat(
                        inArrivalOrder(run).stream()
                                .filter(e -> e.getRequest().getBodyAsString().contains(poison)))
                .as("tried up to its bound of 5, then no more")
                .hasSize(5);
    }

    /** Deliveries {@code 0..docs-1} of each young person, keyed by young person, in order. */
    private void sendDeliveries(String run, int people, int docs) throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int seq = 0; seq < docs; seq++) {
            for (int p = 0; p < people; p++) {
                records.add(
                        new ProducerRecord<>(
                                DELIVERIES,
                                null,
                                (run + "-yp-" + p).getBytes(StandardCharsets.UTF_8),
                                Deliveries.jobplan(registry, documentId(run, p, seq), 1),
                                List.of(Deliveries.ceId(documentId(run, p, seq), 1))));
            }
        }
        Records.sendRecords(servers, records);
    }

    private static String documentId(String run, int person, int seq) {
        return String.format("jobcenter:jobplan:%s-%03d-%04d", run, person, seq);
    }

    /** The requests of this run, oldest first. */
    private List<ServeEvent> inArrivalOrder(String run) {
        List<ServeEvent> events = new ArrayList<>(jobcenter.getAllServeEvents());
        java.util.Collections.reverse(events); // WireMock lists the newest first
        return events.stream().filter(e -> e.getRequest().getBodyAsString().contains(run)).toList();
    }

    private Set<String> accepted(String run) {
        Set<String> docs = new java.util.HashSet<>();
        Pattern doc = Pattern.compile(run + "-\\d{3}-\\d{4}");
        for (ServeEvent e : inArrivalOrder(run)) {
            if (e.getResponse().getStatus() / 100 == 2) {
                Matcher m = doc.matcher(e.getRequest().getBodyAsString());
                if (m.find()) {
                    docs.add(m.group());
                }
            }
        }
        return docs;
    }
}
