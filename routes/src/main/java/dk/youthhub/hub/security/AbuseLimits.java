package dk.youthhub.hub.security;

import dk.youthhub.hub.config.HubProperties;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Limits on the HTTP API's abuse: a token bucket per principal (a sustained rate and a burst), and
 * per remote address a count of failed authentications in the current minute, past which the
 * address is refused until the minute ends. Both answer how long to wait ({@code Retry-After}). The
 * state is per instance and bounded by the number of principals and of addresses seen within a
 * minute.
 */
@Component
public class AbuseLimits {
    private static final long MINUTE_MS = 60_000;

    private final double perMs;
    private final double burst;
    private final int failuresPerMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, long[]> failures = new ConcurrentHashMap<>();

    public AbuseLimits(HubProperties props, Clock clock) {
        this.perMs = props.limits().requestsPerSecond() / 1000.0;
        this.burst = props.limits().requestBurst();
        this.failuresPerMinute = props.limits().failedAuthPerMinute();
        this.clock = clock;
    }

    /**
     * Takes one request from the principal's bucket.
     *
     * @return empty when allowed, else the seconds to wait
     */
    public OptionalLong take(String principal) {
        long now = clock.millis();
        double[] waitMs = {0};
        buckets.compute(
                principal,
                (k, b) -> {
                    double[] bucket = b == null ? new double[] {burst, now} : b;
                    double tokens = Math.min(burst, bucket[0] + (now - bucket[1]) * perMs);
                    if (tokens >= 1) {
                        return new double[] {tokens - 1, now};
                    }
                    waitMs[0] = (1 - tokens) / perMs;
                    return new double[] {tokens, now};
                });
        return waitMs[0] == 0 ? OptionalLong.empty() : OptionalLong.of(seconds(waitMs[0]));
    }

    /** Records a failed authentication from an address; the failures within its minute so far. */
    public long failed(String address) {
        long now = clock.millis();
        long[] window =
                failures.compute(
                        address,
                        (k, w) ->
                                w == null || now - w[0] >= MINUTE_MS
                                        ? new long[] {now, 1}
                                        : new long[] {w[0], w[1] + 1});
        failures.entrySet().removeIf(e -> now - e.getValue()[0] >= MINUTE_MS);
        return window[1];
    }

    /**
     * Whether an address has failed too often this minute.
     *
     * @return empty when not, else the seconds until its minute ends
     */
    public OptionalLong blocked(String address) {
        long now = clock.millis();
        long[] w = failures.get(address);
        if (w == null || now - w[0] >= MINUTE_MS || w[1] < failuresPerMinute) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(seconds(MINUTE_MS - (now - w[0])));
    }

    private static long seconds(double ms) {
        return Math.max(1, (long) Math.ceil(ms / 1000.0));
    }
}
