package dk.youthhub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.connector.dubu.DubuMapper;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.inbound.InboundTransformer;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.streams.PoisonRecords;
import dk.youthhub.hub.streams.StreamsSettings;
import dk.youthhub.hub.support.TestProps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest topology: one canonical record per event, dead letters for what it cannot read. */
class IngestTopologyTest {
    private static final Path EXAMPLE =
            Path.of(
                    "../connectors/dubu/src/test/resources/fixtures/valid/handleplan-contract-example.native.xml");
    private static final String EVENT_ID = "3f2b8a4e-6c1d-4e0a-9b7a-2d5c1e9f0a11";

    @TempDir Path stateDir;
    private final HubProperties props =
            TestProps.hub("x:9092", false, "a-test-secret-that-is-long-enough-0123");
    private final Topics topics = TestProps.topics(props);
    private final MovableClock clock = new MovableClock();
    private TopologyTestDriver driver;

    /** The wall clock the dedupe window is reckoned by, moved by the test. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-06-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private TestInputTopic<byte[], byte[]> events;
    private TestOutputTopic<byte[], byte[]> canonical;
    private TestOutputTopic<byte[], byte[]> dead;
    private TestOutputTopic<byte[], byte[]> notices;

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        StreamsSettings.harden(config, new PoisonRecords()); // as the hub runs it
        driver =
                new TopologyTestDriver(
                        IngestTopology.build(
                                Map.of(
                                        "dubu.events.v1",
                                        new InboundTransformer(
                                                new DubuMapper(),
                                                new Pseudonymizer(props),
                                                props.limits().maxPayloadBytes(),
                                                java.util.Set.of("dubu", "dhuv", "jobcenter", "uu"),
                                                false,
                                                "dubu")),
                                topics,
                                new DeadLetters(topics, clock, props),
                                new PoisonRecords(),
                                props.dedupe().window(),
                                props.limits().maxRecordBytes(),
                                clock),
                        config);
        events =
                driver.createInputTopic(
                        "dubu.events.v1", new ByteArraySerializer(), new ByteArraySerializer());
        canonical = output(topics.canonical(DocumentType.HANDLEPLAN));
        dead = output(topics.deadLetter());
        notices = output(topics.notices());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void theSameEventThreeTimesIsOneCanonicalRecordAndAnotherEventIsAnother() throws Exception {
        byte[] event = Files.readAllBytes(EXAMPLE);
        events.pipeInput("a".getBytes(StandardCharsets.UTF_8), event);
        events.pipeInput("b".getBytes(StandardCharsets.UTF_8), event);
        events.pipeInput((byte[]) null, event);
        events.pipeInput(
                (byte[]) null,
                new String(event, StandardCharsets.UTF_8)
                        .replace(EVENT_ID, "0a0a0a0a-6c1d-4e0a-9b7a-2d5c1e9f0a11")
                        .getBytes(StandardCharsets.UTF_8));

        List<TestRecord<byte[], byte[]>> out = canonical.readRecordsToList();
        assertThat(out).hasSize(2);
        assertThat(out.get(0).headers().toArray())
                .extracting(Header::key)
                .as("the dedupe's own header never reaches a canonical record")
                .doesNotContain("hub_event")
                .contains("ce_id", "ce_type", "ce_subject");
        assertThat(new String(out.get(0).value(), StandardCharsets.UTF_8)).contains(EVENT_ID);
        assertThat(dead.isEmpty()).isTrue();
        List<TestRecord<byte[], byte[]>> told =
                output(topics.outcomes(dk.youthhub.canonical.SourceSystem.of("dubu")).orElseThrow())
                        .readRecordsToList();
        assertThat(told).hasSize(2);
        assertThat(told)
                .allSatisfy(
                        r ->
                                assertThat(new String(r.value(), StandardCharsets.UTF_8))
                                        .contains("\"event_id\":\"" + EVENT_ID + "\"")
                                        .contains("\"outcome\":\"DUPLICATE\""));
        assertThat(told.get(0).key()).isEqualTo(out.get(0).key());
    }

    @Test
    void anEventIdIsRememberedForTheDedupeWindowOnly() throws Exception {
        byte[] event = Files.readAllBytes(EXAMPLE);
        events.pipeInput((byte[]) null, event);
        clock.now = clock.now.plus(props.dedupe().window()).minusSeconds(60);
        events.pipeInput((byte[]) null, event);
        assertThat(canonical.readRecordsToList()).as("within the window: once").hasSize(1);

        clock.now = clock.now.plus(java.time.Duration.ofDays(2));
        events.pipeInput((byte[]) null, event);
        assertThat(canonical.readRecordsToList())
                .as("past the window the event is processed again")
                .hasSize(1);
    }

    @Test
    void anUnreadableEventIsDeadLetteredWithANoticeForTheUnidentifiedChainAndTheNextGoesOn()
            throws Exception {
        byte[] garbage = "<Haendelse><oops".getBytes(StandardCharsets.UTF_8);
        events.pipeInput("source-key".getBytes(StandardCharsets.UTF_8), garbage);
        events.pipeInput((byte[]) null, Files.readAllBytes(EXAMPLE));

        List<TestRecord<byte[], byte[]>> letters = dead.readRecordsToList();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).value()).isEqualTo(garbage);
        assertThat(new String(letters.get(0).key(), StandardCharsets.UTF_8))
                .isEqualTo("unidentified");
        assertThat(header(letters.get(0), "hub_error_code")).isEqualTo("MALFORMED");
        assertThat(header(letters.get(0), "hub_source_key_sha256")).hasSize(64);
        TestRecord<byte[], byte[]> notice = notices.readRecord();
        assertThat(new String(notice.key(), StandardCharsets.UTF_8)).isEqualTo("unidentified");
        assertThat(new String(notice.value(), StandardCharsets.UTF_8))
                .contains(
                        "\"action\":\"DEAD_LETTERED\"",
                        "\"reason\":\"MALFORMED\"",
                        "\"source\":\"dubu\"");
        assertThat(canonical.readRecordsToList()).hasSize(1);
    }

    @Test
    void aMappedEventThatFailsTheHubsChecksIsDeadLetteredInItsYoungPersonsChain() throws Exception {
        byte[] consent =
                Files.readString(
                                Path.of(
                                        "../connectors/dubu/src/test/resources/fixtures/valid/samtykke-barn-sample.native.xml"))
                        .replace("<Modtager>uu</Modtager>", "<Modtager>skat</Modtager>")
                        .getBytes(StandardCharsets.UTF_8);
        events.pipeInput((byte[]) null, consent);

        TestRecord<byte[], byte[]> letter = dead.readRecord();
        String pseudonym = new String(letter.key(), StandardCharsets.UTF_8);
        assertThat(pseudonym).hasSize(64).isNotEqualTo("unidentified");
        assertThat(header(letter, "hub_error_code")).isEqualTo("SCHEMA_VIOLATION");
        TestRecord<byte[], byte[]> notice = notices.readRecord();
        assertThat(new String(notice.key(), StandardCharsets.UTF_8)).isEqualTo(pseudonym);
        assertThat(new String(notice.value(), StandardCharsets.UTF_8))
                .contains(
                        "\"action\":\"DEAD_LETTERED\"",
                        "\"documentId\":\"dubu:consent:",
                        "\"documentType\":\"consent\"",
                        "\"reason\":\"SCHEMA_VIOLATION\"");
    }

    @Test
    void anEventRefusedWhoseCprCanBeReadIsDeadLetteredInItsYoungPersonsChain() throws Exception {
        byte[] bad =
                Files.readString(EXAMPLE)
                        .replaceFirst("tema=\"[A-Za-z]+\"", "tema=\"Ukendt\"")
                        .getBytes(StandardCharsets.UTF_8);
        events.pipeInput((byte[]) null, bad);

        TestRecord<byte[], byte[]> letter = dead.readRecord();
        assertThat(header(letter, "hub_error_code")).isEqualTo("SCHEMA_VIOLATION");
        String pseudonym = new Pseudonymizer(props).pseudonym("1203094127");
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(pseudonym);
        assertThat(new String(notices.readRecord().key(), StandardCharsets.UTF_8))
                .isEqualTo(pseudonym);
    }

    @Test
    void anEventWithANegativeTimestampIsProcessedLikeAnyOther() throws Exception {
        events.pipeInput(
                new TestRecord<>(
                        null, Files.readAllBytes(EXAMPLE), null, Instant.ofEpochMilli(-1)));
        TestRecord<byte[], byte[]> out = canonical.readRecord();
        assertThat(out.timestamp()).isNotNegative();
        assertThat(dead.isEmpty()).isTrue();
    }

    private TestOutputTopic<byte[], byte[]> output(String topic) {
        return driver.createOutputTopic(
                topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(TestRecord<byte[], byte[]> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
