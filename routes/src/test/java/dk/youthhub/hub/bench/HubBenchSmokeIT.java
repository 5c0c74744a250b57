package dk.youthhub.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's smoke run in every build: the whole harness (the hub's jar with its embedded
 * broker, the fake job centre, B0, B1, B1-tx, H and a short soak) on a few hundred events, for its
 * correctness checks (every valid plan version once on each delivery topic and POSTed once, in
 * order per young person; dead letters as seeded), not its timing.
 */
class HubBenchSmokeIT {

    @Test
    void theBenchmarkRunsAndTheHubIsCorrectUnderIt() throws Exception {
        Map<String, List<Double>> rates = new HubBench().measure(400, 1, 400, 2, 400, 200);
        assertThat(rates).containsKeys("B0 raw passthrough", "H to Kafka deliveries");
        assertThat(rates.values()).allSatisfy(v -> assertThat(v).hasSize(1));
    }
}
