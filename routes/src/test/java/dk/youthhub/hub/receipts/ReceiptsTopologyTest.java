package dk.youthhub.hub.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.metrics.ReceiptCounters;
import dk.youthhub.hub.support.TestProps;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptsTopologyTest {
    private final HubProperties props = TestProps.bind(Map.of());
    private final Topics topics = TestProps.topics(props);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ReceiptCounters counters = new ReceiptCounters(meters);
    @TempDir Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> index;
    private TestInputTopic<byte[], byte[]> dubuReceipts;
    private TestOutputTopic<byte[], byte[]> notices;

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "receipts-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver =
                new TopologyTestDriver(
                        ReceiptsTopology.build(
                                Map.of("dubu.receipts.v1", "dubu"), topics, counters),
                        config);
        index =
                driver.createInputTopic(
                        topics.dispatchIndex(), new StringSerializer(), new StringSerializer());
        dubuReceipts =
                driver.createInputTopic(
                        "dubu.receipts.v1", new ByteArraySerializer(), new ByteArraySerializer());
        notices =
                driver.createOutputTopic(
                        topics.notices(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aReceiptBecomesANoticeInTheYoungPersonsChainWithoutItsFreeText() {
        index.pipeInput("ce-1", "pseudonym-1");
        dubuReceipts.pipeInput(
                "any-key".getBytes(StandardCharsets.UTF_8),
                utf8(
                        "{\"ce_id\":\"ce-1\",\"status\":\"RECEIVED\",\"time\":\"2026-12-03T10:00:00Z\"}"));
        dubuReceipts.pipeInput(
                (byte[]) null,
                utf8(
                        "{\"ce_id\":\"ce-1\",\"status\":\"REJECTED\",\"reason\":\"Sofie findes ikke\"}"));

        TestRecord<byte[], byte[]> received = notices.readRecord();
        assertThat(new String(received.key(), StandardCharsets.UTF_8)).isEqualTo("pseudonym-1");
        assertThat(new String(received.value(), StandardCharsets.UTF_8))
                .contains(
                        "\"action\":\"DELIVERED\"",
                        "\"ceId\":\"ce-1\"",
                        "\"target\":\"dubu\"",
                        "\"reason\":\"RECEIPT\"");
        assertThat(new String(notices.readRecord().value(), StandardCharsets.UTF_8))
                .as("the core decides that only the first counts")
                .contains("\"action\":\"DELIVERY_FAILED\"", "\"reason\":\"RECEIPT_REJECTED\"")
                .doesNotContain("Sofie");
    }

    @Test
    void aReceiptThatCannotBeReadOrIsForNoDispatchIsIgnoredAndTheNextGoesOn() {
        index.pipeInput("ce-2", "pseudonym-2");
        dubuReceipts.pipeInput((byte[]) null, utf8("not json"));
        dubuReceipts.pipeInput((byte[]) null, utf8("{\"ce_id\":\"ce-2\",\"status\":\"MAYBE\"}"));
        dubuReceipts.pipeInput(
                (byte[]) null, utf8("{\"ce_id\":\"unknown\",\"status\":\"RECEIVED\"}"));
        dubuReceipts.pipeInput((byte[]) null, utf8("{\"ce_id\":\"ce-2\",\"status\":\"RECEIVED\"}"));
        assertThat(meters.get("hub.receipts.ignored").tag("why", "unreadable").counter().count())
                .isEqualTo(2);
        assertThat(meters.get("hub.receipts.ignored").tag("why", "unknown").counter().count())
                .isEqualTo(1);
        assertThat(notices.readRecordsToList())
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(new String(r.key(), StandardCharsets.UTF_8))
                                        .isEqualTo("pseudonym-2"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
