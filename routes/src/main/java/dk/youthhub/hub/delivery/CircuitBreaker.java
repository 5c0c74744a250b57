package dk.youthhub.hub.delivery;

import java.time.Clock;

/**
 * A circuit breaker for one recipient: after {@code threshold} consecutive failures it opens and
 * refuses calls for {@code openMs}; then one trial call is let through (half-open). A success
 * closes it, a failure opens it again.
 */
public final class CircuitBreaker {
    private final int threshold;
    private final long openMs;
    private final Clock clock;
    private int consecutiveFailures;
    private long openUntil;
    private int timesOpened;

    public CircuitBreaker(int threshold, long openMs, Clock clock) {
        this.threshold = threshold;
        this.openMs = openMs;
        this.clock = clock;
    }

    /** Whether a call may be made now. */
    public synchronized boolean allowsCall() {
        return consecutiveFailures < threshold || clock.millis() >= openUntil;
    }

    public synchronized void success() {
        consecutiveFailures = 0;
    }

    public synchronized void failure() {
        consecutiveFailures++;
        if (consecutiveFailures >= threshold) {
            openUntil = clock.millis() + openMs;
            timesOpened++;
        }
    }

    /** How often the circuit has opened, for health details and tests. */
    public synchronized int timesOpened() {
        return timesOpened;
    }

    public synchronized boolean isOpen() {
        return !allowsCall();
    }

    /**
     * {@code CLOSED}, {@code OPEN}, or {@code HALF_OPEN} (open period over, trial call allowed).
     */
    public synchronized String state() {
        if (consecutiveFailures < threshold) {
            return "CLOSED";
        }
        return clock.millis() >= openUntil ? "HALF_OPEN" : "OPEN";
    }
}
