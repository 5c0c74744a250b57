package dk.youthhub.hub.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.fault.SequencedInput;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Receipts on the real broker: a Kafka recipient that acknowledges gets {@code DELIVERED} in the
 * young person's chain; one that does not is {@code UNACKNOWLEDGED} after the (here 8 s) timeout
 * and listed for operators until its late receipt comes.
 */
class ReceiptsIT extends HubIT {
    @LocalServerPort int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aReceiptDeliversAndAMissingOneRaisesTheAlarmUntilItComes() throws Exception {
        SequencedInput input = new SequencedInput();
        int person = 21;
        String cpr = SequencedInput.cpr(person);
        Records.send(
                servers,
                "it.dhuv.events.v1",
                null,
                ("{\"haendelse_id\":\""
                                + UUID.randomUUID()
                                + "\",\"haendelse_type\":\"SAMTYKKE_REGISTRERET\","
                                + "\"tidspunkt\":\"2026-04-03T09:15:00+02:00\",\"kommune\":\"157\","
                                + "\"borger\":{\"cpr\":\""
                                + cpr
                                + "\"},\"sag\":{\"sags_nr\":\"DHUV-157-1\"},"
                                + "\"samtykke\":{\"samtykke_id\":\"S-"
                                + UUID.randomUUID()
                                + "\",\"status\":\"GIVET\",\"modtagere\":[\"dubu\"],"
                                + "\"dokumenttyper\":[\"alle\"],\"gyldig_fra\":\"2026-01-01\","
                                + "\"gyldig_til\":\"2036-01-01\"}}")
                        .getBytes(StandardCharsets.UTF_8));
        Records.send(servers, "it.dhuv.events.v1", null, input.plan(person, 0, "Mål A"));
        Records.send(servers, "it.dhuv.events.v1", null, input.plan(person, 1, "Mål B"));
        ConsumerRecord<byte[], byte[]> first =
                Records.awaitContaining(servers, "it.dubu.deliveries.v1", "Mål A");
        ConsumerRecord<byte[], byte[]> second =
                Records.awaitContaining(servers, "it.dubu.deliveries.v1", "Mål B");

        receipt(Records.header(first, "ce_id"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> actionsOf(cpr, first).contains("DELIVERED:RECEIPT"));

        // no receipt for the second: the alarm after the timeout, and the list
        await().atMost(Duration.ofSeconds(60))
                .until(() -> actionsOf(cpr, second).contains("UNACKNOWLEDGED:NO_RECEIPT"));
        String ceId = Records.header(second, "ce_id");
        await().atMost(Duration.ofSeconds(30)).until(() -> unacknowledged().contains(ceId));
        assertThat(unacknowledged()).doesNotContain(cpr);

        receipt(ceId);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> actionsOf(cpr, second).contains("DELIVERED:RECEIPT"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !unacknowledged().contains(ceId));
        assertThat(actionsOf(cpr, first)).doesNotContain("UNACKNOWLEDGED:NO_RECEIPT");
        JsonNode trail = audit(cpr);
        assertThat(trail.get("chainValid").asBoolean()).isTrue();
    }

    private void receipt(String ceId) throws Exception {
        Records.send(
                servers,
                "it.dubu.receipts.v1",
                "whatever-key".getBytes(StandardCharsets.UTF_8),
                ("{\"ce_id\":\""
                                + ceId
                                + "\",\"status\":\"RECEIVED\",\"time\":\"2026-12-03T10:00:00Z\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The actions on one delivery's document for DUBU, as {@code ACTION:reason}. */
    private List<String> actionsOf(String cpr, ConsumerRecord<byte[], byte[]> delivery)
            throws Exception {
        String body = Records.text(delivery.value());
        String documentId =
                body.substring(body.indexOf("<DokumentId>") + 12, body.indexOf("</DokumentId>"));
        List<String> out = new ArrayList<>();
        audit(cpr)
                .get("records")
                .forEach(
                        r -> {
                            if (documentId.equals(r.path("documentId").asText())
                                    && "dubu".equals(r.path("target").asText())) {
                                out.add(
                                        r.get("action").asText()
                                                + ":"
                                                + r.path("reason").asText(""));
                            }
                        });
        return out;
    }

    private JsonNode audit(String cpr) throws Exception {
        return CanonicalJson.mapper()
                .readTree(
                        http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create(
                                                                "http://localhost:"
                                                                        + port
                                                                        + "/api/v1/audit/query"))
                                                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                                .header("Content-Type", "application/json")
                                                .POST(
                                                        HttpRequest.BodyPublishers.ofString(
                                                                "{\"cpr\":\"" + cpr + "\"}"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body());
    }

    private String unacknowledged() throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:"
                                                        + port
                                                        + "/api/v1/unacknowledged"))
                                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
