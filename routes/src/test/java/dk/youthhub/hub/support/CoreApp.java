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

    /**
     * The hub's settings in a namespace of its own: topics {@code <run>.*}, groups {@code <run>.*}.
     */
    public static HubProperties namespace(String servers, String run, String secret) {
        java.util.Map<String, Object> env = new java.util.HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", servers);
        if (secret != null) {
            env.put("HUB_PSEUDONYM_SECRET", secret);
        }
        env.put("hub.kafka.group-prefix", run);
        env.put("hub.topics.prefix", run + ".");
        return TestProps.bind(env);
    }

    /** Every topic of the namespace, with 3 partitions. */
    public static void createTopics(String servers, Topics topics, String run) throws Exception {
        Records.createTopics(
                servers,
                topics.all().stream()
                        .filter(t -> t.startsWith(run))
                        .map(t -> new org.apache.kafka.clients.admin.NewTopic(t, 3, (short) 1))
                        .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    /**
     * A canonical document to its topic, keyed by this pseudonym, as the ingest stage writes it.
     */
    public static void send(
            String servers,
            Topics topics,
            String pseudonym,
            dk.youthhub.canonical.CanonicalDocument doc)
            throws Exception {
        Records.send(
                servers,
                topics.canonical(doc.documentType()),
                pseudonym.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                dk.youthhub.connector.CanonicalJson.mapper().writeValueAsBytes(doc));
    }

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
