package dk.youthhub.hub.kafka;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place topic names come from. A system's topics follow the contract's convention, {@code
 * <id>.events.v1} and {@code <id>.deliveries.v1}, unless {@code hub.systems.<id>.topics.*} names
 * them; canonical topics are {@code canonical.<type>.v1}; every name gets {@code hub.topics.prefix}
 * in front.
 */
@Component
public class Topics {
    private final HubProperties.Topics t;
    private final String groupPrefix;
    private final Systems systems;
    private final Duration heldRetention;
    private final Duration releaseCheckInterval;
    private final Duration receiptsTimeout;

    public Topics(HubProperties props, Systems systems) {
        this.t = props.topics();
        this.heldRetention = props.core().heldRetention();
        this.releaseCheckInterval = props.core().releaseCheckInterval();
        this.receiptsTimeout = props.receipts().timeout();
        this.groupPrefix = props.kafka().groupPrefix();
        this.systems = systems;
    }

    /**
     * The hub's own compacted topic holding the fingerprint of the pseudonym secret of the hubs
     * that use the consumer groups {@code <prefix>.*}.
     */
    public String pseudonymKey() {
        return groupPrefix + ".pseudonym-key";
    }

    /**
     * The hub's own compacted topic of the drop files it has read (name and SHA-256) and how far,
     * shared by every instance with the consumer groups {@code <prefix>.*}.
     */
    public String fileDropLedger() {
        return groupPrefix + ".file-drop-ledger";
    }

    /**
     * The hub's internal topic of deliveries withdrawn after they were dispatched ({@code ce_id} →
     * reason), which the HTTP deliveries check just before each call.
     */
    public String withdrawals() {
        return t.prefix() + "hub.withdrawals.v1";
    }

    /**
     * The hub's internal topic of registrations made over HTTP that are not documents (a
     * coordinator's assignment), keyed by the pseudonym and read by the core.
     */
    public String registrations() {
        return t.prefix() + "hub.registrations.v1";
    }

    /**
     * The hub's internal, compacted register of meetings: {@code meetingId} → the young person's
     * pseudonym, the version and a hash of the registration, so a repeat is a no-op and a meeting
     * id cannot move to another young person.
     */
    public String meetings() {
        return t.prefix() + "hub.meetings.v1";
    }

    /**
     * The core stage's changelog of the young people's records ({@code core-youth}): the overview
     * and the documentation model read it.
     */
    public String youth() {
        return coreChangelog("core-youth");
    }

    /** The core stage's changelog of each young person's latest documents ({@code core-latest}). */
    public String latest() {
        return coreChangelog("core-latest");
    }

    /** The core stage's changelog of the consents ({@code core-consents}). */
    public String consents() {
        return coreChangelog("core-consents");
    }

    /**
     * The core stage's changelog of each chain's last hash ({@code core-audit-head}), kept by Kafka
     * Streams; the audit query compares it with the topic's tail.
     */
    public String auditHeads() {
        return coreChangelog("core-audit-head");
    }

    /** Where a system's native events are, if it sends any. */
    public Optional<String> events(SourceSystem system) {
        Systems.HubSystem s = systems.find(system.id()).orElse(null);
        if (s == null || s.descriptor().inbound() == ConnectorDescriptor.Inbound.NONE) {
            return Optional.empty();
        }
        String configured = s.settings().topics().events();
        return Optional.of(
                t.prefix() + (configured != null ? configured : system.id() + ".events.v1"));
    }

    public String canonical(DocumentType type) {
        return t.prefix() + "canonical." + type.id() + ".v" + DocumentType.PUBLISHED_VERSION;
    }

    public List<String> canonicalTopics() {
        return Arrays.stream(DocumentType.values()).map(this::canonical).toList();
    }

    /** Where the hub tells a system what became of each event it sent, if it sends any. */
    public Optional<String> outcomes(SourceSystem system) {
        return events(system).map(e -> t.prefix() + system.id() + ".outcomes.v1");
    }

    /** Where a system acknowledges its Kafka deliveries, if it sends receipts. */
    public Optional<String> receipts(SourceSystem system) {
        Systems.HubSystem s = systems.find(system.id()).orElse(null);
        if (s == null || !s.descriptor().sendsReceipts()) {
            return Optional.empty();
        }
        String configured = s.settings().topics().receipts();
        return Optional.of(
                t.prefix() + (configured != null ? configured : system.id() + ".receipts.v1"));
    }

    /**
     * The hub's internal, compacted index of dispatched deliveries awaiting a receipt ({@code
     * ce_id} → the young person's pseudonym), by which a receipt finds its chain.
     */
    public String dispatchIndex() {
        return t.prefix() + "hub.dispatches.v1";
    }

    /**
     * The hub's internal, compacted register of pseudonym-key rotations: a young person's new
     * pseudonym → the one before and the hash of the {@code REKEYED} record that ended that chain,
     * by which the audit query and the extract follow the link. Written only by the re-key tool.
     */
    public String pseudonymLinks() {
        return t.prefix() + "hub.pseudonym-links.v1";
    }

    /**
     * The core stage's changelog of one of its stores ({@code core-*}), which the re-key tool
     * rewrites under the new pseudonyms.
     */
    public String coreChangelog(String store) {
        return groupPrefix + ".core-" + store + "-changelog";
    }

    /** The hub's internal, compacted list of deliveries without a receipt after the timeout. */
    public String unacknowledged() {
        return t.prefix() + "hub.unacknowledged.v1";
    }

    /** The hub's internal topics that keep the latest record per key. */
    public Set<String> compacted() {
        return Set.of(dispatchIndex(), unacknowledged(), meetings(), pseudonymLinks());
    }

    public String deliveries(SourceSystem system) {
        String configured =
                systems.find(system.id()).map(s -> s.settings().topics().deliveries()).orElse(null);
        return t.prefix() + (configured != null ? configured : system.id() + ".deliveries.v1");
    }

    public String deadLetter() {
        return t.prefix() + t.deadLetter();
    }

    public String held() {
        return t.prefix() + t.held();
    }

    public String audit() {
        return t.prefix() + t.audit();
    }

    /**
     * The hub's internal topic of what other stages ask the core to put in audit chains (delivery
     * outcomes, dead letters), keyed like the chains and partitioned like the canonical topics.
     */
    public String notices() {
        return t.prefix() + "hub.notices.v1";
    }

    /** Replication of the topics the hub creates, -1 for the broker's default. */
    public short replicationFactor() {
        return t.replicationFactor();
    }

    /**
     * How long each topic keeps its records: per kind from {@code hub.topics.retention}, held
     * documents at least as long as they may wait, deliveries at least twice as long as one may
     * wait for its recipient.
     */
    public Map<String, Duration> retentions() {
        HubProperties.Retention r = t.retention();
        Map<String, Duration> out = new LinkedHashMap<>();
        for (Systems.HubSystem s : systems.enabled()) {
            events(s.system()).ifPresent(e -> out.put(e, r.events()));
            outcomes(s.system()).ifPresent(o -> out.put(o, r.outcomes()));
        }
        canonicalTopics().forEach(c -> out.put(c, r.canonical()));
        for (Systems.HubSystem s : systems.enabled()) {
            Duration wait =
                    s.descriptor().deliversOverHttp()
                            ? s.settings().httpDelivery().maxOutage().multipliedBy(2)
                            : Duration.ZERO;
            out.put(
                    deliveries(s.system()),
                    max(max(r.deliveries(), wait), receiptsTimeout.multipliedBy(2)));
            receipts(s.system())
                    .ifPresent(
                            rt -> out.put(rt, max(r.receipts(), receiptsTimeout.multipliedBy(2))));
        }
        out.put(deadLetter(), r.deadLetter());
        out.put(held(), max(r.held(), heldRetention.plus(releaseCheckInterval)));
        out.put(audit(), r.audit());
        out.put(notices(), r.canonical());
        out.put(withdrawals(), r.deliveries());
        out.put(registrations(), r.canonical());
        out.put(meetings(), r.audit());
        out.put(dispatchIndex(), r.deliveries());
        out.put(unacknowledged(), r.audit());
        out.put(pseudonymLinks(), r.audit());
        return out;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Every topic of the contract for the systems the hub runs, created at start when missing. */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        for (Systems.HubSystem s : systems.enabled()) {
            events(s.system()).ifPresent(all::add);
            outcomes(s.system()).ifPresent(all::add);
        }
        all.addAll(canonicalTopics());
        for (Systems.HubSystem s : systems.enabled()) {
            all.add(deliveries(s.system()));
            receipts(s.system()).ifPresent(all::add);
        }
        all.addAll(
                List.of(
                        deadLetter(),
                        held(),
                        audit(),
                        notices(),
                        withdrawals(),
                        registrations(),
                        meetings(),
                        dispatchIndex(),
                        unacknowledged(),
                        pseudonymLinks()));
        return all;
    }
}
