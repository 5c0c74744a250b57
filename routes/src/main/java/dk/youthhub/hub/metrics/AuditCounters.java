package dk.youthhub.hub.metrics;

import dk.youthhub.hub.core.AuditChain;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
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
public class AuditCounters {
    /** The actions whose reason is a code from a fixed set, and so a label. */
    private static final Set<AuditChain.Action> CODED =
            Set.of(
                    AuditChain.Action.DEAD_LETTERED,
                    AuditChain.Action.REJECTED,
                    AuditChain.Action.DELIVERY_FAILED,
                    AuditChain.Action.HELD,
                    AuditChain.Action.EXPIRED);

    private final MeterRegistry meters;

    public AuditCounters(MeterRegistry meters) {
        this.meters = meters;
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
