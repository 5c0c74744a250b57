package dk.youthhub.hub.support;

import static org.awaitility.Awaitility.await;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.streams.CoreTopology;
import dk.youthhub.hub.streams.PoisonRecords;
import dk.youthhub.hub.streams.StreamsApp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/** The core stage alone, with the hub's own settings and another state directory. */
public final class CoreApp {

    private CoreApp() {}

    /** Started and {@code RUNNING}. */
    public static KafkaStreams start(HubProperties props, Topics topics, Path stateDir) {
        PoisonRecords poison = new PoisonRecords();
        Properties config =
                StreamsApp.config(
                        "core",
                        props,
                        new KafkaClients(props, Optional.empty()),
                        (short) 1,
                        poison);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        KafkaStreams s =
                new KafkaStreams(
                        CoreTopology.build(
                                props,
                                topics,
                                TestProps.systems(props),
                                TestProps.signing(props),
                                () -> {},
                                entry -> {},
                                poison,
                                Clock.systemUTC()),
                        config);
        s.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> s.state() == KafkaStreams.State.RUNNING);
        return s;
    }
}
