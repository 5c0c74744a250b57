package dk.youthhub.hub.filedrop;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.KafkaReads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * The drop files a system's stage has read, and how far: a compacted topic with one partition,
 * keyed {@code <system>|<file name>|<SHA-256>}, written in the same transactions as the rows. Read
 * committed, so a row and its progress are seen together or not at all; shared by every instance
 * and kept across restarts. One small record per file ever dropped.
 */
final class FileLedger implements AutoCloseable {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param line the last row's line that is on the events topic (1: only the header)
     * @param rows rows written so far
     * @param done whether the whole file is
     */
    record Entry(long line, long rows, boolean done) {}

    private final String topic;
    private final String system;
    private final TopicPartition partition;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Entry> entries = new HashMap<>();

    FileLedger(KafkaClients clients, String topic, String system) {
        this.topic = topic;
        this.system = system;
        this.partition = new TopicPartition(topic, 0);
        this.consumer = clients.reader();
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
    }

    /** Reads what other writers committed since the last call. */
    FileLedger refresh() {
        boolean read =
                KafkaReads.toEnd(
                        consumer,
                        List.of(partition),
                        READ_TIMEOUT,
                        r -> {
                            String key = new String(r.key(), StandardCharsets.UTF_8);
                            if (r.value() == null) {
                                entries.remove(key);
                            } else {
                                entries.put(key, parse(r.value()));
                            }
                        });
        if (!read) {
            throw new KafkaException("the file-drop ledger could not be read in time");
        }
        return this;
    }

    Entry get(String file, String sha256) {
        return entries.get(key(file, sha256));
    }

    ProducerRecord<byte[], byte[]> record(
            String file, String sha256, long line, long rows, boolean done, Instant at) {
        Map<String, Object> value =
                Map.of("line", line, "rows", rows, "done", done, "time", at.toString());
        try {
            return new ProducerRecord<>(
                    topic,
                    0,
                    key(file, sha256).getBytes(StandardCharsets.UTF_8),
                    CanonicalJson.mapper().writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalStateException("a ledger record could not be written", e);
        }
    }

    private String key(String file, String sha256) {
        return system + "|" + file + "|" + sha256;
    }

    private static Entry parse(byte[] value) {
        try {
            JsonNode n = CanonicalJson.mapper().readTree(value);
            return new Entry(
                    n.path("line").asLong(), n.path("rows").asLong(), n.path("done").asBoolean());
        } catch (IOException e) {
            throw new IllegalStateException("a ledger record could not be read", e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
