package dk.youthhub.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.OutboundRenderer;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.core.Minimisation;
import dk.youthhub.hub.inbound.InboundTransformer;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.support.TestProps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The CPU cost of one document in the hub's own code, without Kafka (JMH; BENCHMARKS.md): a DHUV
 * plan parsed, mapped, schema-validated and pseudonymised into its canonical record ({@code
 * ingest}); that record read, minimised and rendered for the three systems a plan goes to ({@code
 * render}); both; against a plain Jackson parse of the same native document; a typical plan and a
 * large one (~8 KB). {@code DocumentCostBenchTest} checks each operation does its work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DocumentCostBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RECIPIENTS = List.of("dubu", "uu", "jobcenter");

    @Param({"typical", "large"})
    public String size;

    private byte[] plan;
    private byte[] canonical;
    private InboundTransformer transformer;
    private Minimisation minimisation;
    private List<SourceSystem> recipients;
    private List<OutboundRenderer> renderers;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        HubProperties props =
                TestProps.hub("unused:9092", false, "bench-secret-0123456789abcdef0123456789");
        Systems systems = TestProps.systems(props);
        Systems.HubSystem dhuv = systems.find("dhuv").orElseThrow();
        transformer = InboundTransformer.of(dhuv, systems, new Pseudonymizer(props), props);
        minimisation = systems.minimisation();
        recipients = new ArrayList<>();
        renderers = new ArrayList<>();
        for (String id : RECIPIENTS) {
            Systems.HubSystem s = systems.find(id).orElseThrow();
            recipients.add(s.system());
            renderers.add(s.connector().renderer());
        }
        ObjectNode event =
                (ObjectNode)
                        JSON.readTree(
                                Path.of(
                                                "../connectors/dhuv/src/test/resources/fixtures/valid/handleplan-sample.native.json")
                                        .toFile());
        if (size.equals("large")) {
            ((ObjectNode) event.get("handleplan").get("maal").get(0))
                    .put("tekst", "Lang beskrivelse af målet. ".repeat(300));
        }
        plan = JSON.writeValueAsBytes(event);
        canonical = ingest();
    }

    /** The baseline: the native document parsed into a tree, nothing else. */
    @Benchmark
    public JsonNode jacksonParse() throws IOException {
        return JSON.readTree(plan);
    }

    /** Parse, map, validate against the canonical schema, pseudonymise, write canonical JSON. */
    @Benchmark
    public byte[] ingest() {
        return ((InboundTransformer.Canonical) transformer.transform("bench/0@1", plan, 0L))
                .value();
    }

    /** The canonical record read, minimised and rendered for each of the plan's recipients. */
    @Benchmark
    public int render() throws IOException {
        CanonicalDocument doc =
                CanonicalJson.mapper().readValue(canonical, CanonicalDocument.class);
        int bytes = 0;
        for (int i = 0; i < recipients.size(); i++) {
            bytes +=
                    renderers
                            .get(i)
                            .render(minimisation.forRecipient(doc, recipients.get(i)), false)
                            .length;
        }
        return bytes;
    }

    /** A plan's whole mapping path through the hub: ingest, then render for three. */
    @Benchmark
    public int ingestAndRender() throws IOException {
        canonical = ingest();
        return render();
    }

    /** Runs the benchmark in a forked JVM and writes {@code target/bench/document-cost.md}. */
    @Test
    void documentCost() throws Exception {
        var options =
                new OptionsBuilder()
                        .include(DocumentCostBench.class.getName() + "\\.")
                        .jvmArgsAppend("-Xmx1g")
                        .build();
        List<RunResult> results = new ArrayList<>(new Runner(options).run());
        StringBuilder md = new StringBuilder();
        md.append("| document | operation | µs per document | ± (99.9 %) | ÷ Jackson parse |\n");
        md.append("|---|---|---|---|---|\n");
        for (String s : List.of("typical", "large")) {
            List<RunResult> ofSize =
                    results.stream().filter(r -> r.getParams().getParam("size").equals(s)).toList();
            double parse =
                    ofSize.stream()
                            .filter(r -> r.getParams().getBenchmark().endsWith("jacksonParse"))
                            .findFirst()
                            .orElseThrow()
                            .getPrimaryResult()
                            .getScore();
            for (RunResult r : ofSize) {
                String op =
                        r.getParams()
                                .getBenchmark()
                                .substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
                md.append(
                        String.format(
                                Locale.ROOT,
                                "| %s | %s | %.1f | %.1f | %.1f |%n",
                                s,
                                op,
                                r.getPrimaryResult().getScore(),
                                r.getPrimaryResult().getScoreError(),
                                r.getPrimaryResult().getScore() / parse));
            }
        }
        System.out.println(md);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "document-cost.md"), md);
        assertThat(results).hasSize(8);
    }
}
