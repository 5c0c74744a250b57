package dk.youthhub.hub.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The same event three times is processed once: one canonical record, one delivery per recipient. A
 * dead letter replayed twice is processed again once.
 */
class IdempotencyFaultIT extends HubIT {
    private static final String EVENTS = "it.dhuv.events.v1";
    private static final String DEAD = "it.hub.deadletter.v1";
    private static final int PERSON = 7;

    @LocalServerPort int port;

    @Test
    void theSameEventThreeTimesIsOneCanonicalRecordAndOneDeliveryPerRecipient() throws Exception {
        SequencedInput input = new SequencedInput();
        byte[] key = SequencedInput.key(PERSON);
        byte[] plan = input.plan(PERSON, 1);
        Records.sendRecords(
                servers,
                List.of(
                        new ProducerRecord<>(EVENTS, key, input.consent(PERSON)),
                        new ProducerRecord<>(EVENTS, key, plan),
                        new ProducerRecord<>(EVENTS, key, plan),
                        new ProducerRecord<>(EVENTS, key, plan),
                        // behind the copies in the young person's order: once it is out, so are
                        // they
                        new ProducerRecord<>(EVENTS, key, input.plan(PERSON, 2))));

        Map<Integer, List<Integer>> once = Map.of(PERSON, List.of(1, 2));
        for (String topic :
                List.of(
                        "it.canonical.handleplan.v1",
                        "it.dubu.deliveries.v1",
                        "it.uu.deliveries.v1",
                        "it.jobcenter.deliveries.v1")) {
            input.assertExactlyOnceInOrder(awaitBoth(input, topic), once);
        }
    }

    @Test
    void aDeadLetterReplayedTwiceIsProcessedAgainOnce() throws Exception {
        SequencedInput input = new SequencedInput();
        byte[] key = SequencedInput.key(PERSON);
        byte[] duplicateKey =
                new String(input.plan(PERSON, 1), StandardCharsets.UTF_8)
                        .replace("\"kommune\":\"157\"", "\"kommune\":\"157\",\"kommune\":\"157\"")
                        .getBytes(StandardCharsets.UTF_8);
        Records.send(servers, EVENTS, key, duplicateKey);
        ConsumerRecord<byte[], byte[]> dead =
                Records.awaitContaining(servers, DEAD, input.planId(PERSON, 1));
        String id = dead.partition() + "-" + dead.offset();

        assertThat(replay(id).statusCode()).isEqualTo(202);
        assertThat(replay(id).statusCode()).isEqualTo(202);
        // a marker behind the replays, on the partition the replays went to
        Records.send(servers, EVENTS, dead.key(), input.plan(PERSON, 2));
        Records.awaitContaining(servers, "it.canonical.handleplan.v1", input.planId(PERSON, 2));

        assertThat(Records.containing(Records.readAll(servers, DEAD), input.planId(PERSON, 1)))
                .as("the original and one replay, not two")
                .hasSize(2)
                .extracting(r -> Records.header(r, "hub_error_code"))
                .containsOnly("MALFORMED");
    }

    private List<ConsumerRecord<byte[], byte[]>> awaitBoth(SequencedInput input, String topic) {
        return input.ofRun(
                Records.readUntil(
                        servers,
                        topic,
                        "read_committed",
                        rs ->
                                !Records.containing(rs, input.planId(PERSON, 2)).isEmpty()
                                        && !Records.containing(rs, input.planId(PERSON, 1))
                                                .isEmpty()));
    }

    private HttpResponse<String> replay(String id) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:"
                                                        + port
                                                        + "/api/v1/deadletters/"
                                                        + id
                                                        + "/replay"))
                                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
