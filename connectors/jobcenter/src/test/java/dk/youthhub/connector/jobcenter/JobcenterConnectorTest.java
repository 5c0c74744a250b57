package dk.youthhub.connector.jobcenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.ThemeCode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.testkit.InboundConnectorContractTest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobcenterConnectorTest extends InboundConnectorContractTest {

    @Override
    protected Connector connector() {
        return new JobcenterConnector();
    }

    @Override
    protected List<String> contractValues(Path fixture) throws Exception {
        JsonNode event = CanonicalJson.mapper().readTree(fixture.toFile());
        ((ObjectNode) event).remove("someFieldFromANewerVersion");
        return jsonValues(event);
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
