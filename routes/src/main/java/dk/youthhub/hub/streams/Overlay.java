package dk.youthhub.hub.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value view whose writes are kept apart until {@link #commit()}: the writes of one decision
 * reach the store together, or, when the decision fails, not at all. Reads see the pending writes.
 */
final class Overlay<V> {
    private final KeyValueStore<String, V> store;
    private final Overlay<V> parent;
    private final TreeMap<String, Optional<V>> writes = new TreeMap<>();

    private Overlay(KeyValueStore<String, V> store, Overlay<V> parent) {
        this.store = store;
        this.parent = parent;
    }

    static <V> Overlay<V> over(KeyValueStore<String, V> store) {
        return new Overlay<>(store, null);
    }

    /** Writes on top of this one's, applied to it by their {@link #commit()}. */
    Overlay<V> child() {
        return new Overlay<>(store, this);
    }

    V get(String key) {
        Optional<V> pending = writes.get(key);
        if (pending != null) {
            return pending.orElse(null);
        }
        return parent != null ? parent.get(key) : store.get(key);
    }

    void put(String key, V value) {
        writes.put(key, Optional.of(value));
    }

    void delete(String key) {
        writes.put(key, Optional.empty());
    }

    /** Every entry whose key starts with {@code prefix}, in key order, pending writes applied. */
    List<KeyValue<String, V>> prefix(String prefix) {
        TreeMap<String, V> merged = new TreeMap<>();
        if (parent != null) {
            parent.prefix(prefix).forEach(kv -> merged.put(kv.key, kv.value));
        } else {
            try (KeyValueIterator<String, V> it =
                    store.prefixScan(prefix, new StringSerializer())) {
                it.forEachRemaining(kv -> merged.put(kv.key, kv.value));
            }
        }
        for (Map.Entry<String, Optional<V>> w :
                writes.subMap(prefix, true, prefix + Character.MAX_VALUE, false).entrySet()) {
            w.getValue()
                    .ifPresentOrElse(
                            v -> merged.put(w.getKey(), v), () -> merged.remove(w.getKey()));
        }
        List<KeyValue<String, V>> out = new ArrayList<>(merged.size());
        merged.forEach((k, v) -> out.add(KeyValue.pair(k, v)));
        return out;
    }

    /** Applies the pending writes to the parent, or to the store. */
    void commit() {
        for (Map.Entry<String, Optional<V>> w : writes.entrySet()) {
            if (parent != null) {
                parent.writes.put(w.getKey(), w.getValue());
            } else if (w.getValue().isPresent()) {
                store.put(w.getKey(), w.getValue().get());
            } else {
                store.delete(w.getKey());
            }
        }
        writes.clear();
    }
}
