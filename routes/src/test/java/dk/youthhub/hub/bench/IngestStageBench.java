package dk.youthhub.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.connector.dubu.DubuMapper;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.inbound.InboundTransformer;
import dk.youthhub.hub.ingest.IngestTopology;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.streams.PoisonRecords;
import dk.youthhub.hub.streams.StreamsSettings;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedKafka;
import dk.youthhub.hub.support.TestProps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the ingest stage (DUBU XML → canonical, deduplicated, exactly-once) on a real
 * in-JVM broker: after a warm-up, a backlog is written and the time runs from its first write to
 * its last committed output. Prints records per second; asserts only that every record arrived
 * once. Target and results: {@code BENCHMARKS.md}.
 */
class IngestStageBench {
    private static final int RECORDS = Integer.getInteger("bench.records", 20_000);
    private static final int WARM_UP = 2_000;

    @Test
    void dubuToCanonical() throws Exception {
        String servers = SharedKafka.bootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String in = "bench-" + run + ".dubu.events.v1";
        HubProperties props =
                TestProps.bind(
                        Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS",
                                servers,
                                "HUB_PSEUDONYM_SECRET",
                                "bench-secret-0123456789abcdef0123456789",
                                "hub.topics.prefix",
                                "bench-" + run + "."));
        Topics topics = TestProps.topics(props);
        Records.createTopics(
                servers,
                new NewTopic(in, 6, (short) 1),
                new NewTopic(
                        topics.canonical(dk.youthhub.canonical.DocumentType.HANDLEPLAN),
                        6,
                        (short) 1),
                new NewTopic(topics.deadLetter(), 6, (short) 1));
        String example =
                Files.readString(
                        Path.of(
                                "../connectors/dubu/src/test/resources/fixtures/valid/handleplan-contract-example.native.xml"));
        InboundTransformer transformer = dubuTransformer(props);
        Properties config = new Properties();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-" + run + ".ingest");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, "target/bench-state/" + run);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        StreamsSettings.harden(config, new PoisonRecords());
        try (KafkaStreams streams =
                new KafkaStreams(
                        IngestTopology.build(
                                Map.of(in, transformer),
                                topics,
                                new DeadLetters(topics, Clock.systemUTC(), props),
                                new PoisonRecords(),
                                props.dedupe().window(),
                                props.limits().maxRecordBytes(),
                                Clock.systemUTC()),
                        config)) {
            String out = topics.canonical(dk.youthhub.canonical.DocumentType.HANDLEPLAN);
            streams.start();
            // warm-up: the group joined, the internal topic made, the code compiled
            Records.sendAll(servers, in, events(example, 0, WARM_UP));
            Records.readUntil(servers, out, "read_committed", rs -> rs.size() >= WARM_UP);

            long start = System.nanoTime();
            Records.sendAll(servers, in, events(example, WARM_UP, RECORDS));
            var outputs =
                    Records.readUntil(
                            servers,
                            out,
                            "read_committed",
                            rs -> rs.size() >= WARM_UP + RECORDS,
                            java.time.Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "BENCH ingest (dubu): %d records from the first write to the last committed"
                            + " output in %.1f s: %.0f records/s%n",
                    RECORDS, seconds, RECORDS / seconds);
            assertThat(outputs).hasSize(WARM_UP + RECORDS);
        }
    }

    /** DUBU handleplans with unique event ids for 1,000 young people. */
    private static java.util.List<byte[]> events(String example, int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(
                        i ->
                                example.replace(
                                                "3f2b8a4e-6c1d-4e0a-9b7a-2d5c1e9f0a11",
                                                UUID.randomUUID().toString())
                                        .replace(
                                                "120309-4127",
                                                String.format("1203094%03d", i % 1000))
                                        .getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    /** The per-record work alone (parse, map, validate, pseudonymise, headers), without Kafka. */
    @Test
    void dubuTransformOnly() throws Exception {
        HubProperties props =
                TestProps.hub("unused:9092", false, "bench-secret-0123456789abcdef0123456789");
        InboundTransformer transformer = dubuTransformer(props);
        byte[] example =
                Files.readAllBytes(
                        Path.of(
                                "../connectors/dubu/src/test/resources/fixtures/valid/handleplan-contract-example.native.xml"));
        for (int i = 0; i < 5_000; i++) { // warm-up
            transformer.transform("in/0@" + i, example, 0L);
        }
        long start = System.nanoTime();
        int outputs = 0;
        for (int i = 0; i < RECORDS; i++) {
            if (transformer.transform("in/0@" + i, example, 0L)
                    instanceof InboundTransformer.Canonical) {
                outputs++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "BENCH dubu transform only: %d records, %.2f s, %.0f records/s%n",
                RECORDS, seconds, RECORDS / seconds);
        assertThat(outputs).isEqualTo(RECORDS);
    }

    private static InboundTransformer dubuTransformer(HubProperties props) {
        return new InboundTransformer(
                new DubuMapper(),
                new Pseudonymizer(props),
                props.limits().maxPayloadBytes(),
                TestProps.systems(props).ids(),
                false,
                "dubu");
    }
}
