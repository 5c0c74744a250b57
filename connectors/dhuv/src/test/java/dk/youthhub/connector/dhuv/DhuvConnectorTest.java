package dk.youthhub.connector.dhuv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.ThemeCode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.MappingException;
import dk.youthhub.connector.kit.JsonOut;
import dk.youthhub.connector.testkit.Generators;
import dk.youthhub.connector.testkit.InboundConnectorContractTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

class DhuvConnectorTest extends InboundConnectorContractTest {
    /** Values the mapper translates to canonical codes, and fields the contract does not define. */
    private static final Set<String> TRANSLATED = Set.of("GIVET", "TILBAGEKALDT", "alle");

    private static final Set<String> NOT_IN_CONTRACT = Set.of("ukendt_felt", "ekstra");

    @Override
    protected Connector connector() {
        return new DhuvConnector();
    }

    @Override
    protected List<String> contractValues(byte[] nativeDocument) throws Exception {
        JsonNode event = CanonicalJson.mapper().readTree(nativeDocument);
        strip(event);
        return jsonValues(event).stream().filter(v -> !TRANSLATED.contains(v)).toList();
    }

    @Override
    protected Arbitrary<byte[]> generatedNativeDocuments() {
        Arbitrary<JsonOut> goal =
                Combinators.combine(
                                Arbitraries.of(DhuvMapper.THEMES.keySet()),
                                Generators.text(),
                                Generators.optional(Generators.date()))
                        .as(
                                (tema, text, deadline) ->
                                        JsonOut.object()
                                                .put("tema", tema)
                                                .put("tekst", text)
                                                .put("frist", deadline));
        Arbitrary<JsonOut> measure =
                Combinators.combine(
                                Generators.text(),
                                Generators.text(),
                                Generators.date(),
                                Generators.optional(Generators.date()))
                        .as(
                                (paragraf, text, start, end) ->
                                        JsonOut.object()
                                                .put("paragraf", paragraf)
                                                .put("beskrivelse", text)
                                                .put("start", start)
                                                .put("slut", end));
        return Combinators.combine(
                        Generators.cpr(),
                        Generators.optional(Generators.text()),
                        Generators.optional(Generators.text()),
                        Generators.id(),
                        Arbitraries.integers().between(1, 10_000),
                        goal.list().ofMaxSize(4),
                        measure.list().ofMaxSize(3),
                        Generators.optional(Generators.text()))
                .as(
                        (cpr, first, last, planId, version, goals, measures, caseworker) ->
                                JsonOut.object()
                                        .put("haendelse_id", "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f")
                                        .put("haendelse_type", "HANDLEPLAN_OPDATERET")
                                        .put("tidspunkt", "2026-04-10T09:00:00Z")
                                        .put("kommune", "157")
                                        .put(
                                                "borger",
                                                JsonOut.object()
                                                        .put("cpr", cpr)
                                                        .put("fornavn", first)
                                                        .put("efternavn", last))
                                        .put(
                                                "sag",
                                                JsonOut.object()
                                                        .put("sags_nr", "DHUV-" + planId)
                                                        .put(
                                                                "sagsbehandler",
                                                                JsonOut.object()
                                                                        .put("navn", caseworker)))
                                        .put(
                                                "handleplan",
                                                JsonOut.object()
                                                        .put("plan_id", planId)
                                                        .put("version", (long) version)
                                                        .put("paragraf", "SEL §141")
                                                        .put("gyldig_fra", "2026-04-10")
                                                        .array("maal", goals)
                                                        .array("indsatser", measures))
                                        .bytes());
    }

    @Test
    void vumMapsToAnAdultAssessmentWithCanonicalThemes() throws Exception {
        CanonicalDocument doc = map(fixture("udredning-contract-example"));
        assertThat(doc.documentId()).isEqualTo("dhuv:assessment:VUM-4410");
        assertThat(doc.assessment().kind()).isEqualTo(Assessment.Kind.ADULT_ASSESSMENT);
        assertThat(doc.assessment().method()).isEqualTo("VUM");
        assertThat(doc.assessment().findings())
                .extracting(f -> f.theme().code())
                .containsExactly(ThemeCode.COMMUNITY_LIFE, ThemeCode.HEALTH);
        assertThat(doc.provenance().sourceCaseId()).isEqualTo("DHUV-157-20931");
    }

    @Test
    void consentIsTheAdultsOwnAndAlleMeansAll() throws Exception {
        Consent c = map(fixture("samtykke-givet")).consent();
        assertThat(c.givenBy()).isEqualTo(Consent.GivenBy.YOUNG_PERSON);
        assertThat(c.documentTypes()).containsExactly("all");
        assertThat(map(fixture("samtykke-tilbagekaldt")).consent().status())
                .isEqualTo(Consent.Status.REVOKED);
    }

    @Test
    void aSchemaViolationListsEveryViolationByPathWithoutValues() {
        String event =
                """
                {"haendelse_id":"not-a-uuid","haendelse_type":"HANDLEPLAN_OPDATERET","tidspunkt":"2026-04-10T09:00:00Z",
                 "kommune":"1570","borger":{"cpr":"0511074231"},"sag":{"sags_nr":"X"},
                 "handleplan":{"plan_id":"P","version":0,"paragraf":"SEL §141","gyldig_fra":"2026-04-10"}}""";
        assertThatThrownBy(
                        () ->
                                new DhuvMapper()
                                        .toCanonical(
                                                event.getBytes(StandardCharsets.UTF_8),
                                                RECEIVED_AT))
                .isInstanceOfSatisfying(
                        MappingException.class,
                        e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_VIOLATION);
                            assertThat(e.getMessage())
                                    .contains("/haendelse_id", "/kommune", "/handleplan/version")
                                    .doesNotContain("1570", "not-a-uuid");
                        });
    }

    @Test
    void hundredThousandDeepNestingIsMalformed() {
        byte[] deep =
                ("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}")
                        .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new DhuvMapper().toCanonical(deep, RECEIVED_AT))
                .isInstanceOfSatisfying(
                        MappingException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED));
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(NOT_IN_CONTRACT);
        }
        node.forEach(DhuvConnectorTest::strip);
    }

    private static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures/valid/" + name + ".native.json");
    }
}
