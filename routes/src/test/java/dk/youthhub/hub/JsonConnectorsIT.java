package dk.youthhub.hub;

import static dk.youthhub.hub.support.Records.header;
import static dk.youthhub.hub.support.Records.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.support.HostileInputs;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import dk.youthhub.schemas.CanonicalSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON connectors on a real broker: every hostile input of the contract is dead-lettered with
 * its code and the valid record behind it still arrives, schema-valid, on its canonical topic.
 */
class JsonConnectorsIT extends HubIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "dhuv, it.dhuv.events.v1, handleplan-sample, it.canonical.handleplan.v1, handleplan, 2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f, version, \"UDDANNELSE\"",
        "jobcenter, it.jobcenter.events.v1, jobplan-contract-example, it.canonical.jobplan.v1, jobplan, c0a8012e-7f3b-4d2a-a1e4-5b6c7d8e9f00, revision, \"EDUCATION_READY\""
    })
    void hostileInputsAreDeadLetteredAndTheValidOneBehindArrives(
            String system,
            String topic,
            String validFixture,
            String canonicalTopic,
            String type,
            String exampleEventId,
            String versionField,
            String enumValue)
            throws Exception {
        Path fixtures = Path.of("../connectors/" + system + "/src/test/resources/fixtures");
        String valid = Files.readString(fixtures.resolve("valid/" + validFixture + ".native.json"));
        byte[] key = ("case-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("MALFORMED-truncated", bytes(valid.substring(0, valid.length() / 2)));
        hostile.put(
                "MALFORMED-deep-nesting",
                bytes("{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
        hostile.put(
                "MALFORMED-duplicate-keys",
                bytes(
                        valid.replaceFirst(
                                "\"" + versionField + "\": (\\d+)",
                                "\"" + versionField + "\": $1, \"" + versionField + "\": 9")));
        hostile.put(
                "SCHEMA_VIOLATION-wrong-type",
                bytes(
                        valid.replaceFirst(
                                "\"" + versionField + "\": (\\d+)",
                                "\"" + versionField + "\": \"$1\"")));
        for (Path p :
                List.of(
                        invalid(fixtures, "SCHEMA_VIOLATION"),
                        invalid(fixtures, "UNKNOWN_TYPE"),
                        invalid(fixtures, "INVALID_CPR"))) {
            String name = p.getFileName().toString();
            hostile.put(name.split("\\.")[1] + "-" + name.split("\\.")[0], Files.readAllBytes(p));
        }
        hostile.put(
                "SCHEMA_VIOLATION-unknown-enum-value",
                bytes(valid.replaceFirst(enumValue, "\"NOT_IN_THE_TABLE\"")));
        hostile.put("TOO_LARGE", bytes(valid + " ".repeat(600 * 1024)));
        HostileInputs.assertDeadLettered(servers, topic, "it.hub.deadletter.v1", key, hostile);

        String eventId = UUID.randomUUID().toString();
        Records.send(servers, topic, key, bytes(valid.replace(exampleEventId, eventId)));
        ConsumerRecord<byte[], byte[]> out =
                Records.awaitContaining(servers, canonicalTopic, eventId);
        JsonNode doc = CanonicalJson.mapper().readTree(out.value());
        assertThat(CanonicalSchemas.validate(type, doc)).isEmpty();
        assertThat(header(out, "ce_source")).isEqualTo(system);
        assertThat(header(out, "ce_type")).isEqualTo("dk.youthhub." + type + ".v1");
        assertThat(header(out, "ce_subject")).isEqualTo(text(out.key()));
    }

    private static Path invalid(Path fixtures, String code) throws Exception {
        try (var files = Files.list(fixtures.resolve("invalid"))) {
            return files.filter(p -> p.getFileName().toString().contains("." + code + "."))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
