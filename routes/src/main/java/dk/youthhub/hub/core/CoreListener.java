package dk.youthhub.hub.core;

import java.time.Duration;

/** Told of what the core decides, for the metrics; no decision depends on it. */
@FunctionalInterface
public interface CoreListener {

    /** An action audited in a young person's chain. */
    void audited(AuditChain.Entry entry);

    /**
     * A document dispatched to a recipient as it came (not released from held, replayed or part of
     * the handover), this long after its source event happened.
     */
    default void dispatched(String target, Duration sinceEvent) {}
}
