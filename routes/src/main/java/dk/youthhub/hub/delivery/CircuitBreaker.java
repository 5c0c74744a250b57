package dk.youthhub.hub.delivery;

import java.time.Clock;

/**
 * A circuit breaker for one recipient: after {@code threshold} consecutive failures that look like
 * an outage it opens and refuses calls for {@code openMs}; then one trial call at a time is let
 * through (half-open). A success closes it, a failure opens it again. Failures look like an outage
 * when one of them says so (no connection, a timeout, {@code 502}, {@code 503}, {@code 504}, {@code
 * 408}, {@code 429}) or when they concern at least two documents. One document failing again and
 * again with an error of its own ({@code 500}) is that document's problem: it does not open the
 * circuit (it spends its own retry bound instead), so it cannot hold up every other delivery.
 */
public final class CircuitBreaker {
    private final int threshold;
    private final long openMs;
    private final Clock clock;
    private int consecutiveFailures;
    private long openUntil;
    private int timesOpened;
    private boolean trialInFlight;
    private String firstFailed;
    private boolean outage;

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
        if (!tripped()) {
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
        firstFailed = null;
        outage = false;
        trialInFlight = false;
    }

    /**
     * A failed call.
     *
     * @param document what the call was for (its idempotency key)
     * @param unavailable whether the answer says the recipient is unavailable (no connection, a
     *     timeout, {@code 502}, {@code 503}, {@code 504}, {@code 408}, {@code 429})
     * @return whether this failure opened the circuit (or kept it open after a trial)
     */
    public synchronized boolean failure(String document, boolean unavailable) {
        trialInFlight = false;
        consecutiveFailures++;
        if (firstFailed == null) {
            firstFailed = document;
        }
        if (unavailable || !firstFailed.equals(document)) {
            outage = true;
        }
        if (tripped()) {
            openUntil = clock.millis() + openMs;
            timesOpened++;
            return true;
        }
        return false;
    }

    private boolean tripped() {
        return consecutiveFailures >= threshold && outage;
    }

    /** How often the circuit has opened, for health details and tests. */
    public synchronized int timesOpened() {
        return timesOpened;
    }

    public synchronized boolean isOpen() {
        return tripped() && clock.millis() < openUntil;
    }

    /**
     * {@code CLOSED}, {@code OPEN}, or {@code HALF_OPEN} (open period over, trial call allowed).
     */
    public synchronized String state() {
        if (!tripped()) {
            return "CLOSED";
        }
        return clock.millis() >= openUntil ? "HALF_OPEN" : "OPEN";
    }
}
