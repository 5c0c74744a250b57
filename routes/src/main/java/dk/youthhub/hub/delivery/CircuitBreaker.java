package dk.youthhub.hub.delivery;

import java.time.Clock;

/**
 * A circuit breaker for one recipient: after {@code threshold} consecutive failures it opens and
 * refuses calls for {@code openMs}; then one trial call at a time is let through (half-open). A
 * success closes it, a failure opens it again.
 */
public final class CircuitBreaker {
    private final int threshold;
    private final long openMs;
    private final Clock clock;
    private int consecutiveFailures;
    private long openUntil;
    private int timesOpened;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, long openMs, Clock clock) {
        this.threshold = threshold;
        this.openMs = openMs;
        this.clock = clock;
    }

    /** What a caller may do now. */
    public enum Permit {
        /** The circuit is closed: call. */
        CALL,
        /** The open period is over: this caller makes the one trial call. */
        TRIAL,
        /** Open, or another caller's trial is under way: wait. */
        WAIT
    }

    /** Asks to make a call; a {@link Permit#TRIAL} must be followed by success or failure. */
    public synchronized Permit acquire() {
        if (consecutiveFailures < threshold) {
            return Permit.CALL;
        }
        if (clock.millis() < openUntil || trialInFlight) {
            return Permit.WAIT;
        }
        trialInFlight = true;
        return Permit.TRIAL;
    }

    /** How long until a trial call may be made, 0 if now. */
    public synchronized long waitMs() {
        return Math.max(0, openUntil - clock.millis());
    }

    public synchronized void success() {
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    /**
     * A failed call.
     *
     * @return whether this failure opened the circuit (or kept it open after a trial)
     */
    public synchronized boolean failure() {
        trialInFlight = false;
        consecutiveFailures++;
        if (consecutiveFailures >= threshold) {
            openUntil = clock.millis() + openMs;
            timesOpened++;
            return true;
        }
        return false;
    }

    /** How often the circuit has opened, for health details and tests. */
    public synchronized int timesOpened() {
        return timesOpened;
    }

    public synchronized boolean isOpen() {
        return consecutiveFailures >= threshold && clock.millis() < openUntil;
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
