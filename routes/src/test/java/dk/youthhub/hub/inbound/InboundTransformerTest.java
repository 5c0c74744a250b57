package dk.youthhub.hub.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.connector.InboundMapper;
import dk.youthhub.connector.dubu.DubuMapper;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.stage.InboundRecord;
import dk.youthhub.hub.support.TestProps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class InboundTransformerTest {
    private static final Path EXAMPLE =
            Path.of(
                    "../connectors/dubu/src/test/resources/fixtures/valid/handleplan-contract-example.native.xml");
    private final HubProperties props =
            TestProps.hub("x:9092", false, "a-test-secret-that-is-long-enough-0123");
    private final Topics topics = new Topics(props);
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(props);

    @Test
    void writesTheCanonicalDocumentKeyedByPseudonymWithCloudEventsHeadersOnly() throws Exception {
        RecordHeaders inbound = new RecordHeaders();
        inbound.add("x-trace", "120309-4127".getBytes(StandardCharsets.UTF_8));
        List<ProducerRecord<byte[], byte[]>> out =
                transformer(new DubuMapper(), 1024 * 1024)
                        .transform(input(Files.readAllBytes(EXAMPLE), inbound));

        assertThat(out).hasSize(1);
        ProducerRecord<byte[], byte[]> r = out.get(0);
        assertThat(r.topic()).isEqualTo("canonical.handleplan.v1");
        assertThat(new String(r.key(), StandardCharsets.UTF_8))
                .isEqualTo(pseudonymizer.pseudonym("1203094127"));
        assertThat(r.headers().toArray())
                .extracting(h -> h.key())
                .containsExactly(
                        "ce_specversion",
                        "ce_id",
                        "ce_source",
                        "ce_type",
                        "ce_subject",
                        "ce_time",
                        "ce_dataschema",
                        "content-type");
    }

    @Test
    void ceIdIsStablePerInputPositionAndDiffersBetweenPositions() throws Exception {
        InboundTransformer t = transformer(new DubuMapper(), 1024 * 1024);
        byte[] xml = Files.readAllBytes(EXAMPLE);
        String first = header(t.transform(input(xml, new RecordHeaders())).get(0), "ce_id");
        String again = header(t.transform(input(xml, new RecordHeaders())).get(0), "ce_id");
        InboundRecord other =
                new InboundRecord("dubu.events.v1", 0, 8, 1L, null, xml, new RecordHeaders());
        assertThat(first).isEqualTo(again).isNotEqualTo(header(t.transform(other).get(0), "ce_id"));
    }

    @Test
    void tooLargeAndEmptyInputsAreDeadLettered() throws Exception {
        InboundTransformer t = transformer(new DubuMapper(), 100);
        assertThat(code(t.transform(input(Files.readAllBytes(EXAMPLE), new RecordHeaders()))))
                .isEqualTo("TOO_LARGE");
        assertThat(code(t.transform(input(new byte[0], new RecordHeaders()))))
                .isEqualTo("MALFORMED");
        assertThat(code(t.transform(input(null, new RecordHeaders())))).isEqualTo("MALFORMED");
    }

    @Test
    void aCanonicalDocumentThatBreaksItsSchemaIsASchemaViolation() throws Exception {
        InboundMapper badMunicipality =
                (payload, at) -> {
                    CanonicalDocument d = new DubuMapper().toCanonical(payload, at);
                    return new CanonicalDocument(
                            d.documentId(),
                            d.documentType(),
                            d.version(),
                            d.youngPerson(),
                            "60",
                            d.caseworker(),
                            d.provenance(),
                            d.handleplan(),
                            null,
                            null,
                            null,
                            null);
                };
        List<ProducerRecord<byte[], byte[]>> out =
                transformer(badMunicipality, 1024 * 1024)
                        .transform(input(Files.readAllBytes(EXAMPLE), new RecordHeaders()));
        assertThat(code(out)).isEqualTo("SCHEMA_VIOLATION");
        assertThat(header(out.get(0), DeadLetters.ERROR_MESSAGE)).contains("/municipalityCode");
    }

    @Test
    void aDefectInAMapperIsDeadLetteredAsProcessingFailedAndTheStageGoesOn() throws Exception {
        InboundMapper broken =
                (payload, at) -> {
                    throw new NullPointerException("120309-4127 must never reach a log");
                };
        List<ProducerRecord<byte[], byte[]>> out =
                transformer(broken, 1024 * 1024)
                        .transform(input(Files.readAllBytes(EXAMPLE), new RecordHeaders()));
        assertThat(code(out)).isEqualTo("PROCESSING_FAILED");
        assertThat(header(out.get(0), DeadLetters.ERROR_MESSAGE)).doesNotContain("120309");
    }

    private InboundTransformer transformer(InboundMapper mapper, int maxBytes) {
        return new InboundTransformer(
                mapper,
                topics,
                pseudonymizer,
                new DeadLetters(topics, java.time.Clock.systemUTC()),
                maxBytes);
    }

    private static InboundRecord input(byte[] value, RecordHeaders headers) {
        return new InboundRecord("dubu.events.v1", 0, 7, 1_780_000_000_000L, null, value, headers);
    }

    /** The dead letter's code; its unchained DEAD_LETTERED audit record goes with it. */
    private static String code(List<ProducerRecord<byte[], byte[]>> out) {
        assertThat(out).hasSize(2);
        assertThat(out.get(0).topic()).isEqualTo("hub.deadletter.v1");
        assertThat(out.get(1).topic()).isEqualTo("hub.audit.v1");
        assertThat(out.get(1).key()).as("in no young person's chain").isNull();
        String audit = new String(out.get(1).value(), StandardCharsets.UTF_8);
        String code = header(out.get(0), DeadLetters.ERROR_CODE);
        assertThat(audit)
                .contains(
                        "\"action\":\"DEAD_LETTERED\"",
                        "\"reason\":\"" + code + "\"",
                        "dubu.events.v1/0@7")
                .doesNotContainPattern("\\d{6}-?\\d{4}");
        return code;
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
