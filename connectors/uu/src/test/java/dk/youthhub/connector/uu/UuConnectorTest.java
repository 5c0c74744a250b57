package dk.youthhub.connector.uu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.EducationStatus;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.kit.JsonOut;
import dk.youthhub.connector.testkit.Generators;
import dk.youthhub.connector.testkit.InboundConnectorContractTest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

class UuConnectorTest extends InboundConnectorContractTest {
    /** Columns the canonical document keeps as they are (status and date are translated). */
    private static final Set<String> KEPT =
            Set.of("haendelse_id", "cpr", "kommune", "institution", "uddannelse");

    @Override
    protected Connector connector() {
        return new UuConnector();
    }

    @Override
    protected List<String> contractValues(byte[] nativeDocument) throws Exception {
        JsonNode row = CanonicalJson.mapper().readTree(nativeDocument);
        List<String> values = new ArrayList<>();
        row.fields()
                .forEachRemaining(
                        e -> {
                            if (KEPT.contains(e.getKey()) && !e.getValue().asText().isBlank()) {
                                values.add(e.getValue().asText().strip());
                            }
                        });
        return values;
    }

    @Override
    protected Arbitrary<byte[]> generatedNativeDocuments() {
        DateTimeFormatter dato = DateTimeFormatter.ofPattern("dd-MM-yyyy");
        return Combinators.combine(
                        Generators.id(),
                        Generators.cpr(),
                        Arbitraries.of("101", "607", "157", "851"),
                        Generators.date(),
                        Arbitraries.of(UuConnector.STATUS_CODES.values()),
                        Generators.optional(Generators.text()),
                        Generators.optional(Generators.text()))
                .as(
                        (id, cpr, kommune, date, status, institution, programme) ->
                                JsonOut.object()
                                        .put("uddannelse", programme == null ? "" : programme)
                                        .put("haendelse_id", "u-" + id)
                                        .put("cpr", cpr)
                                        .put("kommune", kommune)
                                        .put("dato", date.format(dato))
                                        .put("status", status)
                                        .put("institution", institution == null ? "" : institution)
                                        .bytes());
    }

    @Test
    void theContractsExampleRowIsAnEducationStatusVersionedByItsDateInDanishTime()
            throws Exception {
        CanonicalDocument doc = map(fixture("row-contract-example"));
        assertThat(doc.documentId()).isEqualTo("uu:education-status:u-2026-0001");
        assertThat(doc.version()).isEqualTo(Instant.parse("2026-08-17T22:00:00Z").toEpochMilli());
        assertThat(doc.youngPerson().cpr()).isEqualTo("1203094127");
        assertThat(doc.educationStatus().status()).isEqualTo(EducationStatus.Status.IN_EDUCATION);
        assertThat(doc.educationStatus().institution()).isEqualTo("EUC Syd; Fredericia");
    }

    @Test
    void emptyOptionalColumnsAreAbsentAndUnknownColumnsIgnored() throws Exception {
        assertThat(map(fixture("row-without-optional-columns")).educationStatus().institution())
                .isNull();
        JsonNode canonical = mapToJson(fixture("row-columns-reordered-and-extra"));
        assertThat(canonical.toString()).doesNotContain("Åse");
        assertThat(canonical.at("/educationStatus/effectiveDate").asText()).isEqualTo("2028-02-29");
    }

    @Test
    void everyStatusHasAUuCode() {
        assertThat(UuConnector.STATUS_CODES).hasSize(EducationStatus.Status.values().length);
    }

    @Test
    void educationStatusIsDeliveredInUusOwnCodes() throws Exception {
        JsonNode delivery =
                CanonicalJson.mapper()
                        .readTree(connector().renderer().render(sample("education-status")));
        assertThat(delivery.at("/uddannelsesstatus/status").asText()).isEqualTo("I_UDDANNELSE");
        assertThat(delivery.at("/uddannelsesstatus/status_kode").asText())
                .isEqualTo("IN_EDUCATION");
    }

    @Test
    void itSendsByFileDropAndIsMinimisedLikeTheJobCentre() {
        ConnectorDescriptor d = connector().descriptor();
        assertThat(d.inbound()).isEqualTo(ConnectorDescriptor.Inbound.FILE_DROP);
        assertThat(connector().fileDrop()).isPresent();
        assertThat(d.deliversOverHttp()).isFalse();
        assertThat(d.withholdsChildAssessmentConclusion()).isTrue();
        assertThat(d.withheldThemes()).extracting(Enum::name).contains("FAMILY", "HEALTH");
    }

    private static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures/valid/" + name + ".native.json");
    }
}
