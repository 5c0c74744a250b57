package dk.youthhub.hub;

import static dk.youthhub.hub.support.Records.header;
import static dk.youthhub.hub.support.Records.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.ingest.IngestStreams;
import dk.youthhub.hub.support.HostileInputs;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import dk.youthhub.schemas.CanonicalSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

class DubuToCanonicalIT extends HubIT {
    private static final Path FIXTURES = Path.of("../connectors/dubu/src/test/resources/fixtures");
    private static final String IN = "it.dubu.events.v1";
    private static final String HANDLEPLANS = "it.canonical.handleplan.v1";
    private static final String DEAD = "it.hub.deadletter.v1";
    private static final String EXAMPLE_EVENT_ID = "3f2b8a4e-6c1d-4e0a-9b7a-2d5c1e9f0a11";

    @Autowired CamelContext camel;
    @Autowired IngestStreams ingest;
    @Autowired TestRestTemplate http;

    @Test
    void contractExampleBecomesOneSchemaValidCanonicalRecordWithCloudEventsHeaders()
            throws Exception {
        byte[] example =
                Files.readAllBytes(
                        FIXTURES.resolve("valid/handleplan-contract-example.native.xml"));
        Records.send(
                servers,
                IN,
                "DUBU-2025-004711".getBytes(StandardCharsets.UTF_8),
                example,
                Records.header("x-source-trace", "120309-4127"));

        ConsumerRecord<byte[], byte[]> out =
                Records.awaitContaining(servers, HANDLEPLANS, EXAMPLE_EVENT_ID);
        assertThat(Records.containing(Records.readAll(servers, HANDLEPLANS), EXAMPLE_EVENT_ID))
                .hasSize(1);

        JsonNode body = CanonicalJson.mapper().readTree(out.value());
        assertThat(CanonicalSchemas.validate("handleplan", body)).isEmpty();
        assertThat(body.at("/youngPerson/cpr").asText()).isEqualTo("1203094127");
        JsonNode golden =
                CanonicalJson.mapper()
                        .readTree(
                                FIXTURES.resolve("valid/handleplan-contract-example.canonical.json")
                                        .toFile());
        assertThat(withoutReceivedAt(body)).isEqualTo(withoutReceivedAt(golden));

        String key = text(out.key());
        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(header(out, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(out, "ce_id")).isNotBlank();
        assertThat(header(out, "ce_source")).isEqualTo("dubu");
        assertThat(header(out, "ce_type")).isEqualTo("dk.youthhub.handleplan.v1");
        assertThat(header(out, "ce_subject")).isEqualTo(key);
        assertThat(header(out, "ce_time")).isEqualTo("2026-03-14T09:30:00+01:00");
        assertThat(header(out, "content-type")).isEqualTo("application/json");
        assertThat(out.headers().lastHeader("x-source-trace"))
                .as("inbound headers are not copied")
                .isNull();
        for (Header h : out.headers()) {
            assertThat(text(h.value())).doesNotContain("1203094127").doesNotContain("120309-4127");
        }
    }

    @Test
    void hostileRecordsAreDeadLetteredWithTheirCodeAndTheValidRecordBehindStillArrives()
            throws Exception {
        String run = UUID.randomUUID().toString();
        byte[] key =
                ("case-" + run)
                        .getBytes(StandardCharsets.UTF_8); // one key: one partition, in order
        byte[] valid =
                Files.readAllBytes(
                        FIXTURES.resolve("valid/handleplan-contract-example.native.xml"));
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("MALFORMED", Arrays.copyOf(valid, valid.length / 2));
        hostile.put(
                "MALFORMED-xxe",
                Files.readAllBytes(FIXTURES.resolve("invalid/xxe.MALFORMED.native.xml")));
        hostile.put(
                "MALFORMED-billion-laughs",
                Files.readAllBytes(
                        FIXTURES.resolve("invalid/billion-laughs.MALFORMED.native.xml")));
        hostile.put(
                "INVALID_CPR",
                Files.readAllBytes(
                        FIXTURES.resolve("invalid/impossible-date-cpr.INVALID_CPR.native.xml")));
        hostile.put(
                "UNKNOWN_TYPE",
                Files.readAllBytes(
                        FIXTURES.resolve("invalid/unknown-type.UNKNOWN_TYPE.native.xml")));
        hostile.put(
                "SCHEMA_VIOLATION",
                Files.readAllBytes(
                        FIXTURES.resolve("invalid/unknown-tema.SCHEMA_VIOLATION.native.xml")));
        byte[] tooLarge = new byte[600 * 1024];
        Arrays.fill(tooLarge, (byte) ' ');
        System.arraycopy(valid, 0, tooLarge, 0, valid.length);
        hostile.put("TOO_LARGE", tooLarge);
        HostileInputs.assertDeadLettered(servers, IN, DEAD, key, hostile);

        String eventId = UUID.randomUUID().toString();
        Records.send(
                servers,
                IN,
                key,
                new String(valid, StandardCharsets.UTF_8)
                        .replace(EXAMPLE_EVENT_ID, eventId)
                        .getBytes(StandardCharsets.UTF_8));
        Records.awaitContaining(servers, HANDLEPLANS, eventId);
        assertThat(Records.containing(Records.readAll(servers, HANDLEPLANS), eventId)).hasSize(1);
    }

    @Test
    void restartingTheIngestStageDuplicatesNothing() throws Exception {
        byte[] valid =
                Files.readAllBytes(FIXTURES.resolve("valid/undersoegelse-sample.native.xml"));
        String before = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        String original = "a7b6c5d4-e3f2-4a1b-9c8d-7e6f5a4b3c2d";
        Records.send(servers, IN, null, withEventId(valid, original, before));
        String assessments = "it.canonical.assessment.v1";
        Records.awaitContaining(servers, assessments, before);

        ingest.stop();
        Records.send(servers, IN, null, withEventId(valid, original, before)); // again
        ingest.start();
        Records.send(servers, IN, null, withEventId(valid, original, after));

        Records.awaitContaining(servers, assessments, after);
        List<ConsumerRecord<byte[], byte[]>> all = Records.readAll(servers, assessments);
        assertThat(Records.containing(all, before)).hasSize(1);
        assertThat(Records.containing(all, after)).hasSize(1);
    }

    @Test
    void healthIsUpOnlyWhileTheStagesRun() throws Exception {
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            http.getForEntity("/actuator/health/readiness", String.class);
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
                    .as("answers within a probe's usual 1 s timeout")
                    .isLessThan(java.time.Duration.ofSeconds(1));
        }
        assertThat(http.getForEntity("/actuator/health", String.class).getBody())
                .as("an anonymous caller learns the status alone")
                .contains("\"status\":\"UP\"")
                .doesNotContain("components", "RUNNING");
        ResponseEntity<String> health = adminHealth(http);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody())
                .contains("\"status\":\"UP\"")
                .contains("\"hub\":{\"status\":\"UP\"");

        ingest.stop();
        try {
            ResponseEntity<String> down = adminHealth(http);
            assertThat(down.getStatusCode().value()).isEqualTo(503);
            assertThat(down.getBody())
                    .contains("\"hub\":{\"status\":\"DOWN\"")
                    .contains("\"ingest\":\"NOT_RUNNING\"");
        } finally {
            ingest.start();
        }
    }

    @Test
    void routeIdsAreKebabCase() {
        assertThat(camel.getRoutes()).isNotEmpty();
        assertThat(camel.getRoutes())
                .allSatisfy(r -> assertThat(r.getRouteId()).matches("[a-z]+(-[a-z]+)*"));
    }

    private static byte[] withEventId(byte[] xml, String original, String eventId) {
        return new String(xml, StandardCharsets.UTF_8)
                .replace(original, eventId)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode withoutReceivedAt(JsonNode doc) {
        ObjectNode copy = doc.deepCopy();
        ((ObjectNode) copy.get("provenance")).remove("receivedAt");
        return copy;
    }
}
