package dk.youthhub.hub.streams;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Keys remembered for a window (event ids, replay ids), in a window store whose old segments are
 * dropped whole, so the state stays bounded. A mark commits with the outputs of the record that
 * made it: seen means done.
 */
public final class SeenWindow {
    private static final byte[] MARK = {1};

    private final String store;
    private final Duration window;
    private final Clock clock;
    private WindowStore<String, byte[]> seen;

    public SeenWindow(String store, Duration window, Clock clock) {
        this.store = store;
        this.window = window;
        this.clock = clock;
    }

    /** The store to add to the topology. */
    public static StoreBuilder<WindowStore<String, byte[]>> store(String name, Duration window) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(name, window, Duration.ofMillis(1), false),
                Serdes.String(),
                Serdes.ByteArray());
    }

    public void init(ProcessorContext<?, ?> context) {
        seen = context.getStateStore(store);
    }

    /** Whether the key is new within the window; it is remembered from now on. */
    public boolean firstTime(String key) {
        long now = clock.millis();
        try (WindowStoreIterator<byte[]> it = seen.fetch(key, now - window.toMillis(), now)) {
            if (it.hasNext()) {
                return false;
            }
        }
        seen.put(key, MARK, now);
        return true;
    }
}
