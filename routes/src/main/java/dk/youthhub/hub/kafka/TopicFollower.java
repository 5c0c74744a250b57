package dk.youthhub.hub.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads topics from their start and then follows them, committed records only, handing each record
 * to a callback on its own thread; after a Kafka failure it starts over from the start. Every
 * instance follows on its own (no consumer group): for small, shared views.
 */
public final class TopicFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    private final KafkaClients clients;
    private final List<String> topics;
    private final Consumer<ConsumerRecord<byte[], byte[]>> onRecord;
    private final Runnable onRestart;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param onRestart called before reading from the start again, to drop what was built
     */
    public TopicFollower(
            KafkaClients clients,
            List<String> topics,
            Consumer<ConsumerRecord<byte[], byte[]>> onRecord,
            Runnable onRestart) {
        this.clients = clients;
        this.topics = List.copyOf(topics);
        this.onRecord = onRecord;
        this.onRestart = onRestart;
    }

    public synchronized void start() {
        if (thread != null || topics.isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "follow-" + topics.get(0));
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = clients.reader()) {
                consumer = c;
                List<TopicPartition> partitions = new ArrayList<>();
                boolean missing = false;
                for (String topic : topics) {
                    List<org.apache.kafka.common.PartitionInfo> found = c.partitionsFor(topic);
                    missing |= found.isEmpty();
                    found.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                if (missing) {
                    // not created yet (a stage's changelog, before the stage's first start)
                    Thread.sleep(1000);
                    continue;
                }
                c.assign(partitions);
                c.seekToBeginning(partitions);
                onRestart.run();
                while (running) {
                    c.poll(Duration.ofMillis(200)).forEach(onRecord);
                }
            } catch (WakeupException stopping) {
                return;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (KafkaException e) {
                LOG.warn("{} cannot be read now: {}", topics, e.getClass().getSimpleName());
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
            thread = null;
        }
    }
}
