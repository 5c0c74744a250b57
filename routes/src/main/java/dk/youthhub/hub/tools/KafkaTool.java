package dk.youthhub.hub.tools;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small stand-in for the Kafka console tools, shipped in the hub's jar so a newcomer needs
 * nothing else:
 *
 * <pre>
 * java -cp youthhub.jar -Dloader.main=dk.youthhub.hub.tools.KafkaTool \
 *   org.springframework.boot.loader.launch.PropertiesLauncher publish dubu.events.v1 example.xml
 * ... PropertiesLauncher tail canonical.handleplan.v1
 * </pre>
 *
 * The cluster is {@code --bootstrap-server host:port}, else {@code HUB_KAFKA_TOOL_SERVERS}, else
 * the embedded default {@code 127.0.0.1:9092}; the tool does not read {@code
 * KAFKA_BOOTSTRAP_SERVERS}, which would switch a hub started from the same shell to an external
 * cluster. Without a broker it says so within seconds.
 */
public final class KafkaTool {

    private KafkaTool() {}

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.ERROR);
        List<String> rest = new java.util.ArrayList<>(List.of(args));
        String servers = System.getenv().getOrDefault("HUB_KAFKA_TOOL_SERVERS", "127.0.0.1:9092");
        int flag = rest.indexOf("--bootstrap-server");
        if (flag >= 0 && flag + 1 < rest.size()) {
            servers = rest.get(flag + 1);
            rest.subList(flag, flag + 2).clear();
        }
        args = rest.toArray(String[]::new);
        if (args.length >= 2 && !reachable(servers)) {
            System.err.println(
                    "no Kafka at "
                            + servers
                            + ": start the hub (its embedded broker), or name the cluster with"
                            + " --bootstrap-server host:port");
            System.exit(1);
        }
        if (args.length >= 3 && args[0].equals("publish")) {
            publish(servers, args[1], List.of(args).subList(2, args.length), System.out);
        } else if (args.length == 2 && args[0].equals("tail")) {
            tail(servers, args[1], System.out);
        } else {
            System.err.println(
                    "usage: [--bootstrap-server host:port] publish <topic> <file>... | tail <topic>");
            System.exit(2);
        }
    }

    /** Whether a broker answers within a few seconds. */
    public static boolean reachable(String servers) {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                servers,
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                3000,
                                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                                3000))) {
            admin.describeCluster().nodes().get(4, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    static void publish(String servers, String topic, List<String> files, PrintStream out)
            throws IOException, ExecutionException, InterruptedException {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ProducerConfig.ACKS_CONFIG,
                        "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String file : files) {
                byte[] value = Files.readAllBytes(Path.of(file));
                RecordMetadata m = producer.send(new ProducerRecord<>(topic, value)).get();
                out.printf("%s -> %s/%d@%d%n", file, m.topic(), m.partition(), m.offset());
            }
        }
    }

    static void tail(String servers, String topic, PrintStream out) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "kafka-tool-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    out.printf(
                            "--- %s/%d@%d key=%s%n",
                            r.topic(), r.partition(), r.offset(), text(r.key()));
                    for (Header h : r.headers()) {
                        out.printf("%s: %s%n", h.key(), text(h.value()));
                    }
                    out.println(text(r.value()));
                }
            }
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
