package dk.youthhub.hub.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Receipts that decided nothing, counted by why ({@code hub.receipts.ignored}, tag {@code why}):
 * {@code unreadable}, {@code unknown} (no dispatch with that {@code ce_id}), {@code not-counted}
 * (not the first after its dispatch, or on another system's topic). No tag names a person.
 */
@Component
public class ReceiptCounters {
    private final Counter unreadable;
    private final Counter unknown;
    private final Counter notCounted;

    public ReceiptCounters(MeterRegistry meters) {
        this.unreadable = counter(meters, "unreadable");
        this.unknown = counter(meters, "unknown");
        this.notCounted = counter(meters, "not-counted");
    }

    private static Counter counter(MeterRegistry meters, String why) {
        return Counter.builder("hub.receipts.ignored")
                .description("receipts that decided nothing")
                .tag("why", why)
                .register(meters);
    }

    public void unreadable() {
        unreadable.increment();
    }

    public void unknown() {
        unknown.increment();
    }

    public void notCounted() {
        notCounted.increment();
    }
}
