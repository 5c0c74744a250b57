package dk.youthhub.hub.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The core's actions per system and minute over the last five minutes, from {@code
 * hub.core.actions}: totals sampled whenever the console asks (at most every 10 s) and kept for
 * five minutes.
 */
@Component
public class FlowRates {
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration SAMPLE = Duration.ofSeconds(10);

    private record Sample(Instant at, Map<String, Double> totals) {}

    private final MeterRegistry meters;
    private final Clock clock;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public FlowRates(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /** Action and system → its total since this instance started. */
    Map<String, Double> totals() {
        Map<String, Double> out = new HashMap<>();
        for (Counter c : meters.find("hub.core.actions").counters()) {
            String key = c.getId().getTag("action") + "|" + c.getId().getTag("system");
            out.merge(key, c.count(), Double::sum);
        }
        return out;
    }

    /** Action and system → per minute, over the window (or as long as the samples go back). */
    synchronized Map<String, Double> perMinute() {
        Instant now = clock.instant();
        Map<String, Double> totals = totals();
        if (samples.isEmpty() || samples.peekLast().at().plus(SAMPLE).isBefore(now)) {
            samples.addLast(new Sample(now, totals));
        }
        while (samples.size() > 1 && samples.peekFirst().at().plus(WINDOW).isBefore(now)) {
            samples.removeFirst();
        }
        Sample first = samples.peekFirst();
        double minutes = Math.max(Duration.between(first.at(), now).toMillis() / 60_000.0, 1.0);
        Map<String, Double> out = new HashMap<>();
        totals.forEach((k, v) -> out.put(k, (v - first.totals().getOrDefault(k, 0.0)) / minutes));
        return out;
    }
}
