package dk.youthhub.hub.kafka;

import dk.youthhub.hub.config.HubProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.stereotype.Component;

/** Creates the hub's own Kafka clients, all with the same cluster and security settings. */
@Component
public class KafkaClients {
    private final HubProperties props;
    private final AtomicInteger producerSequence = new AtomicInteger();

    /** The embedded broker, when on, is started before any client exists. */
    public KafkaClients(HubProperties props, Optional<EmbeddedKafkaServer> embedded) {
        this.props = props;
    }

    public String bootstrapServers() {
        return props.kafka().bootstrapServers();
    }

    /** Bootstrap servers plus the operator's {@code hub.kafka.properties.*}. */
    public Map<String, Object> commonProperties() {
        Map<String, Object> p = new HashMap<>(props.kafka().properties());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return p;
    }

    public Admin admin() {
        Map<String, Object> p = commonProperties();
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, props.instanceId() + ".admin");
        return Admin.create(p);
    }

    /**
     * A consumer for reading topics by assignment (no group, no commits), seeing committed records
     * only.
     */
    public KafkaConsumer<byte[], byte[]> reader() {
        Map<String, Object> p = commonProperties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // looking at a topic that is not there yet (a stage's changelog before its first start)
        // must not create it with the broker's defaults
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The consumer of a stage with its own poll loop: group {@code <prefix>.<stage>}, committed
     * records only, offsets committed by the stage's transactions, and a session that notices a
     * crashed instance within seconds.
     */
    public KafkaConsumer<byte[], byte[]> stageConsumer(String stageId, int maxPollRecords) {
        Map<String, Object> p = commonProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, props.kafka().groupPrefix() + "." + stageId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, props.instanceId() + "." + stageId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** An idempotent producer that waits for all in-sync replicas ({@code acks=all}). */
    public Producer<byte[], byte[]> idempotentProducer(String name) {
        Map<String, Object> p = commonProperties();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, props.instanceId() + "." + name);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * A transactional producer whose transactional id, {@code <group-prefix>.<name>}, every
     * instance shares: starting one fences the others' (their open transaction is aborted and their
     * next commit fails), so one writer at a time reads and records shared progress.
     */
    public Producer<byte[], byte[]> sharedTransactionalProducer(String name) {
        return transactional(props.kafka().groupPrefix() + "." + name);
    }

    /**
     * A transactional, idempotent producer for one consumer of a stage. Its transactional id is
     * unique per instance, stage and consumer.
     */
    public Producer<byte[], byte[]> transactionalProducer(String stageId) {
        return transactional(
                props.instanceId() + "." + stageId + "." + producerSequence.incrementAndGet());
    }

    private Producer<byte[], byte[]> transactional(String id) {
        Map<String, Object> p = commonProperties();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, id);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, props.kafka().transactionTimeoutMs());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        Producer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            // e.g. the broker is down: close it rather than leak it; the caller tries again
            producer.close(Duration.ZERO);
            throw e;
        }
        return producer;
    }
}
