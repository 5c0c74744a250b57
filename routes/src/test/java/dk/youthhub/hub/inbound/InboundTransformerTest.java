package dk.youthhub.hub.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.InboundMapper;
import dk.youthhub.connector.dubu.DubuMapper;
import dk.youthhub.connector.uu.UuMapper;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.support.TestProps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InboundTransformerTest {
    private static final Path EXAMPLE =
            Path.of(
                    "../connectors/dubu/src/test/resources/fixtures/valid/handleplan-contract-example.native.xml");
    private final HubProperties props =
            TestProps.hub("x:9092", false, "a-test-secret-that-is-long-enough-0123");
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(props);

    @Test
    void makesTheCanonicalDocumentKeyedByPseudonymWithCloudEventsHeadersOnly() throws Exception {
        InboundTransformer.Canonical c =
                canonical(
                        transformer(new DubuMapper(), 1024 * 1024)
                                .transform(POSITION, example(), TIME));

        assertThat(c.type()).isEqualTo(DocumentType.HANDLEPLAN);
        assertThat(c.pseudonym()).isEqualTo(pseudonymizer.pseudonym("1203094127"));
        assertThat(c.eventKey()).startsWith("dubu|");
        assertThat(c.headers().toArray())
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
    void aCharacterXmlForbidsIsASchemaViolationNamingTheField() {
        for (String bad : new String[] {"Skole\\u0001", "Skole\\ud800", "Skole\\uffff"}) {
            byte[] row =
                    ("{\"haendelse_id\":\"u-1\",\"cpr\":\"120309-4127\",\"kommune\":\"607\","
                                    + "\"dato\":\"18-08-2026\",\"status\":\"AFBRUDT\",\"institution\":\""
                                    + bad
                                    + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
            DeadLetters.Reason r =
                    rejected(transformer(new UuMapper(), 1024).transform(POSITION, row, TIME));
            assertThat(r.code()).isEqualTo(ErrorCode.SCHEMA_VIOLATION);
            assertThat(r.safeMessage()).startsWith("/educationStatus/institution: ");
        }
    }

    @Test
    void aConsentMayNameOnlySystemsTheHubHasAConnectorFor() throws Exception {
        byte[] consent =
                Files.readString(
                                Path.of(
                                        "../connectors/dubu/src/test/resources/fixtures/valid/samtykke-barn-sample.native.xml"))
                        .replace("<Modtager>uu</Modtager>", "<Modtager>skat</Modtager>")
                        .getBytes(StandardCharsets.UTF_8);
        DeadLetters.Reason r =
                rejected(
                        transformer(new DubuMapper(), 1024 * 1024)
                                .transform(POSITION, consent, TIME));
        assertThat(r.code()).isEqualTo(ErrorCode.SCHEMA_VIOLATION);
        assertThat(r.safeMessage())
                .isEqualTo("consent.recipients[2]: names a system the hub has no connector for");
    }

    @Test
    void ceIdIsStablePerInputPositionAndDiffersBetweenPositions() throws Exception {
        InboundTransformer t = transformer(new DubuMapper(), 1024 * 1024);
        String first = ceId(t.transform(POSITION, example(), TIME));
        String again = ceId(t.transform(POSITION, example(), TIME));
        String other = ceId(t.transform("dubu.events.v1/0@8", example(), TIME));
        assertThat(first).isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void tooLargeAndEmptyInputsAreRejected() throws Exception {
        InboundTransformer t = transformer(new DubuMapper(), 100);
        assertThat(rejected(t.transform(POSITION, example(), TIME)).code())
                .isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(rejected(t.transform(POSITION, new byte[0], TIME)).code())
                .isEqualTo(ErrorCode.MALFORMED);
        assertThat(rejected(t.transform(POSITION, null, TIME)).code())
                .isEqualTo(ErrorCode.MALFORMED);
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
                            d.handleplan());
                };
        DeadLetters.Reason r =
                rejected(
                        transformer(badMunicipality, 1024 * 1024)
                                .transform(POSITION, example(), TIME));
        assertThat(r.code()).isEqualTo(ErrorCode.SCHEMA_VIOLATION);
        assertThat(r.safeMessage()).contains("/municipalityCode");
    }

    @Test
    void aDefectInAMapperIsProcessingFailedAndNamesNoContent() throws Exception {
        InboundMapper broken =
                (payload, at) -> {
                    throw new NullPointerException("120309-4127 must never reach a log");
                };
        DeadLetters.Reason r =
                rejected(transformer(broken, 1024 * 1024).transform(POSITION, example(), TIME));
        assertThat(r.code()).isEqualTo(ErrorCode.PROCESSING_FAILED);
        assertThat(r.safeMessage()).doesNotContain("120309");
    }

    private static final String POSITION = "dubu.events.v1/0@7";
    private static final long TIME = 1_780_000_000_000L;

    private static byte[] example() throws Exception {
        return Files.readAllBytes(EXAMPLE);
    }

    private InboundTransformer transformer(InboundMapper mapper, int maxBytes) {
        return new InboundTransformer(
                mapper,
                pseudonymizer,
                maxBytes,
                java.util.Set.of("dubu", "dhuv", "jobcenter", "uu"),
                false,
                "dubu");
    }

    private static InboundTransformer.Canonical canonical(InboundTransformer.Outcome o) {
        assertThat(o).isInstanceOf(InboundTransformer.Canonical.class);
        return (InboundTransformer.Canonical) o;
    }

    private static DeadLetters.Reason rejected(InboundTransformer.Outcome o) {
        assertThat(o).isInstanceOf(InboundTransformer.Rejected.class);
        return ((InboundTransformer.Rejected) o).reason();
    }

    private static String ceId(InboundTransformer.Outcome o) {
        return new String(
                canonical(o).headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }
}
