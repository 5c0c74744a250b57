package dk.youthhub.hub.metrics;

import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.core.CoreListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code hub.core.actions{action,system,reason}}: every action the core audits, by the system it
 * concerns (the recipient, else the source; a role for {@code DISCLOSED}) and, where it is a code,
 * its reason. Documents dispatched, delivered, held, released, expired, rejected, dead-lettered and
 * unacknowledged per system, and dead letters by code, all come from this one counter. No label
 * identifies a young person. Counted as the core decides, so a decision retried after a failed
 * transaction may count twice: a rate, not a ledger (the audit trail is the ledger).
 */
@Component
public class AuditCounters implements CoreListener {
    /** The actions whose reason is a code from a fixed set, and so a label. */
    private static final Set<AuditChain.Action> CODED =
            Set.of(
                    AuditChain.Action.DEAD_LETTERED,
                    AuditChain.Action.REJECTED,
                    AuditChain.Action.DELIVERY_FAILED,
                    AuditChain.Action.HELD,
                    AuditChain.Action.EXPIRED);

    private final MeterRegistry meters;
    private final Map<String, Instant> lastReceived = new ConcurrentHashMap<>();

    public AuditCounters(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void audited(AuditChain.Entry e) {
        count(e);
        if (e.action() == AuditChain.Action.RECEIVED && e.source() != null) {
            lastReceived.merge(e.source(), e.time(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /**
     * {@code hub.dispatch.latency{system}}: from the source event's time to the dispatch, as a
     * histogram ({@code _bucket}, {@code _sum}, {@code _count} in seconds).
     */
    @Override
    public void dispatched(String target, Duration sinceEvent) {
        Timer.builder("hub.dispatch.latency")
                .description("source event time to dispatch, documents dispatched as they came")
                .tag("system", target)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(24))
                .register(meters)
                .record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
    }

    /** When this instance's core last received a document from each system. */
    public Map<String, Instant> lastReceived() {
        return Map.copyOf(lastReceived);
    }

    public void count(AuditChain.Entry e) {
        String system = e.target() != null ? e.target() : e.source();
        Counter.builder("hub.core.actions")
                .description("actions the core audited, by system and coded reason")
                .tag("action", e.action().name())
                .tag("system", system == null ? "none" : system)
                .tag("reason", CODED.contains(e.action()) && e.reason() != null ? e.reason() : "")
                .register(meters)
                .increment();
    }
}
