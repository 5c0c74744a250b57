package dk.youthhub.hub.delivery;

import dk.youthhub.hub.kafka.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries the core has withdrawn after dispatching them ({@code hub.withdrawals.v1}: {@code
 * ce_id} → reason, e.g. {@code CONSENT_REVOKED}), read continuously from the start of the topic by
 * every instance, so an HTTP delivery can be checked just before each call.
 */
final class Withdrawals implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Withdrawals.class);

    private final Map<String, String> withdrawn = new ConcurrentHashMap<>();
    private final KafkaClients clients;
    private final String topic;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    Withdrawals(KafkaClients clients, String topic) {
        this.clients = clients;
        this.topic = topic;
    }

    /** Why this delivery is not to be sent any more, if it is not. */
    Optional<String> reason(String ceId) {
        return Optional.ofNullable(withdrawn.get(ceId));
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::run, "withdrawals");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = clients.reader()) {
                consumer = c;
                List<TopicPartition> partitions =
                        c.partitionsFor(topic).stream()
                                .map(p -> new TopicPartition(topic, p.partition()))
                                .toList();
                c.assign(partitions);
                c.seekToBeginning(partitions);
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                        if (r.key() != null && r.value() != null) {
                            withdrawn.put(
                                    new String(r.key(), StandardCharsets.UTF_8),
                                    new String(r.value(), StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (KafkaException e) {
                LOG.warn("Withdrawals cannot be read now: {}", e.getClass().getSimpleName());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
