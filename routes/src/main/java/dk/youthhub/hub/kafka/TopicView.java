package dk.youthhub.hub.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The latest value of each key of a topic, read continuously from its start by every instance (a
 * tombstone removes the key): a small, shared view such as the withdrawn deliveries or the
 * unacknowledged ones.
 */
public final class TopicView implements AutoCloseable {
    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final TopicFollower follower;

    public TopicView(KafkaClients clients, String topic) {
        this.follower = new TopicFollower(clients, List.of(topic), this::take, () -> {});
    }

    private void take(ConsumerRecord<byte[], byte[]> r) {
        if (r.key() == null) {
            return;
        }
        String key = new String(r.key(), StandardCharsets.UTF_8);
        if (r.value() == null) {
            latest.remove(key);
        } else {
            latest.put(key, new String(r.value(), StandardCharsets.UTF_8));
        }
    }

    /** The latest value of a key. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(latest.get(key));
    }

    /** Every key's latest value. */
    public Map<String, String> all() {
        return Map.copyOf(latest);
    }

    public void start() {
        follower.start();
    }

    @Override
    public void close() {
        follower.close();
    }
}
