package dk.youthhub.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link DocumentCostBench} measures is the work it names, for both sizes of plan. */
class DocumentCostBenchTest {

    @ParameterizedTest
    @ValueSource(strings = {"typical", "large"})
    void eachOperationDoesItsWork(String size) throws Exception {
        DocumentCostBench bench = new DocumentCostBench();
        bench.size = size;
        bench.setUp();

        assertThat(bench.jacksonParse().path("handleplan").path("plan_id").asText()).isNotEmpty();
        String canonical = new String(bench.ingest(), StandardCharsets.UTF_8);
        assertThat(canonical).contains("\"documentType\":\"handleplan\"");
        int rendered = bench.render();
        assertThat(rendered).as("three renderings").isGreaterThan(3 * 100);
        assertThat(bench.ingestAndRender()).isEqualTo(rendered);
        if (size.equals("large")) {
            assertThat(canonical).hasSizeGreaterThan(8_000);
        }
    }
}
