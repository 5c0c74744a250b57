package dk.youthhub.hub.kafka;

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
 * The latest value of each key of a topic, read continuously from its start by every instance (a
 * tombstone removes the key): a small, shared view such as the withdrawn deliveries or the
 * unacknowledged ones.
 */
public final class TopicView implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicView.class);

    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final KafkaClients clients;
    private final String topic;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    public TopicView(KafkaClients clients, String topic) {
        this.clients = clients;
        this.topic = topic;
    }

    /** The latest value of a key. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(latest.get(key));
    }

    /** Every key's latest value. */
    public Map<String, String> all() {
        return Map.copyOf(latest);
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "view-" + topic);
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
                        if (r.key() == null) {
                            continue;
                        }
                        String key = new String(r.key(), StandardCharsets.UTF_8);
                        if (r.value() == null) {
                            latest.remove(key);
                        } else {
                            latest.put(key, new String(r.value(), StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (KafkaException e) {
                LOG.warn("{} cannot be read now: {}", topic, e.getClass().getSimpleName());
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
    public synchronized void close() {
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
