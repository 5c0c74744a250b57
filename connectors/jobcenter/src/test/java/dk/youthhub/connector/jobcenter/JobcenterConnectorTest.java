package dk.youthhub.connector.jobcenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.ThemeCode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.kit.JsonOut;
import dk.youthhub.connector.testkit.Generators;
import dk.youthhub.connector.testkit.InboundConnectorContractTest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

class JobcenterConnectorTest extends InboundConnectorContractTest {

    @Override
    protected Connector connector() {
        return new JobcenterConnector();
    }

    @Override
    protected List<String> contractValues(byte[] nativeDocument) throws Exception {
        JsonNode event = CanonicalJson.mapper().readTree(nativeDocument);
        ((ObjectNode) event).remove("someFieldFromANewerVersion");
        return jsonValues(event);
    }

    @Override
    protected Arbitrary<byte[]> generatedNativeDocuments() {
        Arbitrary<JsonOut> activity =
                Combinators.combine(
                                Arbitraries.of(
                                        "MENTOR", "INTERNSHIP", "GUIDANCE", "EDUCATION", "OTHER"),
                                Generators.text(),
                                Generators.date(),
                                Generators.optional(Generators.date()))
                        .as(
                                (type, text, start, end) ->
                                        JsonOut.object()
                                                .put("type", type)
                                                .put("description", text)
                                                .put("startDate", start)
                                                .put("endDate", end));
        return Combinators.combine(
                        Generators.cpr(),
                        Generators.optional(Generators.text()),
                        Generators.id(),
                        Arbitraries.integers().between(1, 10_000),
                        Arbitraries.of(
                                "EDUCATION_READY",
                                "EDUCATION_READY_OBVIOUS",
                                "ACTIVITY_READY",
                                "JOB_READY"),
                        Generators.optional(Generators.text()),
                        Generators.optional(Generators.text()),
                        activity.list().ofMaxSize(4))
                .as(
                        (cpr,
                                name,
                                planId,
                                revision,
                                group,
                                educationGoal,
                                caseworker,
                                activities) ->
                                JsonOut.object()
                                        .put("eventId", "c0a8012e-7f3b-4d2a-a1e4-5b6c7d8e9f00")
                                        .put("eventType", "JOBPLAN_UPDATED")
                                        .put("occurredAt", "2026-05-11T08:15:00+02:00")
                                        .put("municipalityCode", "265")
                                        .put(
                                                "citizen",
                                                JsonOut.object()
                                                        .put("cprNumber", cpr)
                                                        .put("firstName", name))
                                        .put(
                                                "jobplan",
                                                JsonOut.object()
                                                        .put("planId", planId)
                                                        .put("revision", (long) revision)
                                                        .put("targetGroup", group)
                                                        .put("educationGoal", educationGoal)
                                                        .array("activities", activities)
                                                        .put(
                                                                "caseworker",
                                                                JsonOut.object()
                                                                        .put("name", caseworker)))
                                        .bytes());
    }

    @Test
    void jobplanKeepsRevisionAsVersionAndTheCaseworker() throws Exception {
        CanonicalDocument doc = map(fixture("jobplan-all-fields"));
        assertThat(doc.documentId()).isEqualTo("jobcenter:jobplan:MP-33017");
        assertThat(doc.version()).isEqualTo(3);
        assertThat(doc.caseworker().name()).isEqualTo("Pia Holm");
        assertThat(doc.jobplan().activities()).hasSize(5);
    }

    @Test
    void everyResourceProfileElementHasACanonicalTheme() throws Exception {
        CanonicalDocument doc = map(fixture("resource-profile-all-elements"));
        assertThat(doc.assessment().kind()).isEqualTo(Assessment.Kind.RESOURCE_PROFILE);
        assertThat(doc.assessment().findings())
                .extracting(f -> f.theme().source())
                .allSatisfy(
                        e ->
                                assertThat(Arrays.stream(ThemeCode.values()).map(Enum::name))
                                        .contains(e));
        assertThat(doc.assessment().findings()).hasSize(10);
    }

    private static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures/valid/" + name + ".native.json");
    }
}
