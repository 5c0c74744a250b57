package dk.youthhub.hub.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.support.TestProps;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The stages commit on the configured interval and never wait for input longer than it. */
class StreamsAppTest {

    @Test
    void aStageCommitsOnItsIntervalAndWaitsForInputNoLongerThanThat() {
        Properties shipped = config(Map.of());
        assertThat(shipped.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(shipped.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(30);
        assertThat(shipped.get(StreamsConfig.POLL_MS_CONFIG))
                .as("the 500 ms poll timeout capped at the commit interval")
                .isEqualTo(30L);

        Properties slow = config(Map.of("hub.stage.commit-interval-ms", "1000"));
        assertThat(slow.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(1000);
        assertThat(slow.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(500L);
    }

    private static Properties config(Map<String, Object> settings) {
        Map<String, Object> env = new java.util.HashMap<>(settings);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "unused:9092");
        HubProperties props = TestProps.bind(env);
        return StreamsApp.config(
                "core",
                props,
                new KafkaClients(props, Optional.empty()),
                (short) 1,
                new PoisonRecords());
    }
}
