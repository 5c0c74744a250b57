package dk.youthhub.hub.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.Cpr;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.core.Ages;
import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.core.ConsentPolicy;
import dk.youthhub.hub.core.Minimisation;
import dk.youthhub.hub.core.RoutingPolicy;
import dk.youthhub.hub.core.Versions;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.inbound.CloudEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core: one young person's canonical documents and consents, in order, to deliveries. Per
 * record: dedupe by source event id, audit {@code RECEIVED}; a consent is stored and that person's
 * held documents are reconsidered; a document passes versions ({@code STALE_VERSION}, {@code
 * VERSION_CONFLICT}), scope ({@code OUT_OF_SCOPE}) and routing, then per recipient consent: it is
 * minimised, rendered and {@code DELIVERED}, or {@code HELD}. A punctuator releases held documents
 * whose consent has become valid and expires those past the retention. Every action is audited in
 * the young person's hash chain. All state is in changelogged stores of the task that owns the
 * young person's partition, so it survives restarts and moves with the partition.
 */
public final class CoreProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    public static final String CONSENTS = "core-consents";
    public static final String VERSIONS = "core-versions";
    public static final String SEEN = "core-seen-events";
    public static final String HELD = "core-held";
    public static final String AUDIT_HEAD = "core-audit-head";
    public static final String HELD_SINK = "held";
    public static final String AUDIT_SINK = "audit";
    public static final String DEAD_LETTER_SINK = "dead-letters";
    private static final Logger LOG = LoggerFactory.getLogger(CoreProcessor.class);
    private static final Period EIGHTEEN = Period.ofYears(18);

    private final RoutingPolicy routing;
    private final Minimisation minimisation;
    private final ConnectorRegistry registry;
    private final Clock clock;
    private final Duration retention;
    private final Duration releaseCheckInterval;

    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, byte[]> consents;
    private KeyValueStore<String, String> versions;
    private KeyValueStore<String, String> seen;
    private KeyValueStore<String, byte[]> held;
    private KeyValueStore<String, String> auditHead;

    public CoreProcessor(
            RoutingPolicy routing,
            Minimisation minimisation,
            ConnectorRegistry registry,
            Clock clock,
            Duration retention,
            Duration releaseCheckInterval) {
        this.routing = routing;
        this.minimisation = minimisation;
        this.registry = registry;
        this.clock = clock;
        this.retention = retention;
        this.releaseCheckInterval = releaseCheckInterval;
    }

    /** The sink of a recipient's deliveries. */
    public static String deliverySink(SourceSystem target) {
        return "deliveries-" + target.id();
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.consents = context.getStateStore(CONSENTS);
        this.versions = context.getStateStore(VERSIONS);
        this.seen = context.getStateStore(SEEN);
        this.held = context.getStateStore(HELD);
        this.auditHead = context.getStateStore(AUDIT_HEAD);
        context.schedule(
                releaseCheckInterval, PunctuationType.WALL_CLOCK_TIME, t -> reconsiderHeld());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        CanonicalDocument doc;
        try {
            if (record.key() == null || record.value() == null) {
                throw new IllegalArgumentException("a canonical record needs a key and a value");
            }
            doc = read(record.value());
        } catch (RuntimeException unreadable) {
            deadLetter(record, "MALFORMED", "not a canonical document the core can read");
            return;
        }
        try {
            decide(new String(record.key(), StandardCharsets.UTF_8), doc);
        } catch (RuntimeException defect) {
            LOG.error("Core: unexpected {} on a canonical record", defect.getClass().getName());
            deadLetter(
                    record,
                    "PROCESSING_FAILED",
                    "unexpected " + defect.getClass().getSimpleName() + " in the core");
        }
    }

    /**
     * A record the core cannot handle goes to the dead letters unchanged; the ones behind go on.
     */
    private void deadLetter(Record<byte[], byte[]> record, String code, String message) {
        // always present while a record is processed (absent only in punctuation)
        RecordMetadata m = context.recordMetadata().orElseThrow();
        RecordHeaders h =
                DeadLetters.headers(
                        record.headers(), code, message, m.topic(), m.partition(), m.offset());
        LOG.warn("Core: dead-lettering a canonical record: {}", code);
        context.forward(
                new Record<>(record.key(), record.value(), record.timestamp(), h),
                DEAD_LETTER_SINK);
    }

    private void decide(String pseudonym, CanonicalDocument doc) {
        String eventKey =
                doc.provenance().sourceSystem().id() + "|" + doc.provenance().sourceEventId();
        if (seen.get(eventKey) != null) {
            return; // the same event again: processed once
        }
        seen.put(eventKey, "1");
        audit(pseudonym, AuditChain.Action.RECEIVED, doc, null, List.of(), null);
        if (doc.documentType() == DocumentType.CONSENT) {
            storeConsent(pseudonym, doc);
            reconsiderHeld(pseudonym);
            return;
        }
        String hash = Versions.contentHash(doc);
        Versions.Decision version =
                Versions.decide(seenVersion(doc.documentId()), doc.version(), hash);
        switch (version) {
            case DUPLICATE -> {
                return;
            }
            case STALE_VERSION, VERSION_CONFLICT -> {
                audit(pseudonym, AuditChain.Action.REJECTED, doc, null, List.of(), version.name());
                return;
            }
            case ACCEPT -> versions.put(doc.documentId(), doc.version() + "|" + hash);
        }
        RoutingPolicy.Decision decision = routing.decide(doc, today());
        if (decision instanceof RoutingPolicy.OutOfScope) {
            audit(pseudonym, AuditChain.Action.REJECTED, doc, null, List.of(), "OUT_OF_SCOPE");
            return;
        }
        for (SourceSystem target : ((RoutingPolicy.Recipients) decision).targets()) {
            ConsentPolicy.Coverage coverage = coverage(pseudonym, doc, target);
            if (coverage.covered()) {
                deliver(pseudonym, doc, target, coverage.consentIds());
            } else {
                hold(pseudonym, doc, target);
            }
        }
    }

    private void storeConsent(String pseudonym, CanonicalDocument consent) {
        String key = pseudonym + "|" + consent.documentId();
        byte[] stored = consents.get(key);
        if (stored == null || read(stored).version() < consent.version()) {
            consents.put(key, write(consent));
        }
    }

    private ConsentPolicy.Coverage coverage(
            String pseudonym, CanonicalDocument doc, SourceSystem target) {
        List<CanonicalDocument> all = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it =
                consents.prefixScan(pseudonym + "|", new StringSerializer())) {
            it.forEachRemaining(kv -> all.add(read(kv.value)));
        }
        LocalDate born = Cpr.parse(doc.youngPerson().cpr()).orElseThrow().birthDate();
        boolean under18 = !Ages.hasReached(born, EIGHTEEN, today());
        return ConsentPolicy.covers(
                ConsentPolicy.inForce(all), target, doc.documentType(), today(), under18);
    }

    private void deliver(
            String pseudonym, CanonicalDocument doc, SourceSystem target, List<String> consentIds) {
        CanonicalDocument minimised = minimisation.forRecipient(doc, target);
        Connector connector = registry.of(target);
        byte[] delivery = connector.renderer().render(minimised);
        String id =
                UUID.nameUUIDFromBytes(
                                (doc.documentId() + "|" + doc.version() + "|" + target.id())
                                        .getBytes(StandardCharsets.UTF_8))
                        .toString();
        RecordHeaders h =
                CloudEvents.delivery(doc, pseudonym, id, connector.descriptor().nativeMediaType());
        context.forward(
                new Record<>(utf8(pseudonym), delivery, clock.millis(), h), deliverySink(target));
        audit(pseudonym, AuditChain.Action.DELIVERED, doc, target, consentIds, null);
    }

    private void hold(String pseudonym, CanonicalDocument doc, SourceSystem target) {
        long now = clock.millis();
        ObjectNode entry = CanonicalJson.mapper().createObjectNode();
        entry.put("target", target.id());
        entry.put("heldAt", now);
        entry.set("document", CanonicalJson.mapper().valueToTree(doc));
        held.put(heldKey(pseudonym, now, doc, target), bytes(entry));
        RecordHeaders h = new RecordHeaders();
        h.add("hub_target", utf8(target.id()));
        h.add("ce_subject", utf8(pseudonym));
        context.forward(new Record<>(utf8(pseudonym), write(doc), now, h), HELD_SINK);
        audit(pseudonym, AuditChain.Action.HELD, doc, target, List.of(), "NO_CONSENT");
    }

    /** One young person's held documents, in arrival order: released if now covered. */
    private void reconsiderHeld(String pseudonym) {
        List<KeyValue<String, byte[]>> entries = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it =
                held.prefixScan(pseudonym + "|", new StringSerializer())) {
            it.forEachRemaining(entries::add);
        }
        for (KeyValue<String, byte[]> e : entries) {
            reconsider(pseudonym, e);
        }
    }

    /** Every held document: expired past the retention, else released if now covered. */
    private void reconsiderHeld() {
        List<KeyValue<String, byte[]>> entries = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = held.all()) {
            it.forEachRemaining(entries::add);
        }
        for (KeyValue<String, byte[]> e : entries) {
            reconsider(e.key.substring(0, e.key.indexOf('|')), e);
        }
    }

    private void reconsider(String pseudonym, KeyValue<String, byte[]> e) {
        JsonNode entry = readTree(e.value);
        CanonicalDocument doc =
                CanonicalJson.mapper().convertValue(entry.get("document"), CanonicalDocument.class);
        SourceSystem target = SourceSystem.fromId(entry.get("target").asText());
        if (Instant.ofEpochMilli(entry.get("heldAt").asLong())
                .plus(retention)
                .isBefore(clock.instant())) {
            held.delete(e.key);
            audit(pseudonym, AuditChain.Action.EXPIRED, doc, target, List.of(), "RETENTION");
            return;
        }
        Optional<Versions.Seen> latest = seenVersion(doc.documentId());
        if (latest.isPresent() && latest.get().version() > doc.version()) {
            held.delete(e.key);
            audit(pseudonym, AuditChain.Action.REJECTED, doc, target, List.of(), "STALE_VERSION");
            return;
        }
        ConsentPolicy.Coverage coverage = coverage(pseudonym, doc, target);
        if (coverage.covered()) {
            held.delete(e.key);
            audit(pseudonym, AuditChain.Action.RELEASED, doc, target, coverage.consentIds(), null);
            deliver(pseudonym, doc, target, coverage.consentIds());
        }
    }

    private void audit(
            String pseudonym,
            AuditChain.Action action,
            CanonicalDocument doc,
            SourceSystem target,
            List<String> consentIds,
            String reason) {
        String previous = Optional.ofNullable(auditHead.get(pseudonym)).orElse(AuditChain.GENESIS);
        AuditChain.Record r =
                AuditChain.next(
                        previous,
                        clock.instant(),
                        action,
                        doc.documentId(),
                        doc.documentType().id(),
                        pseudonym,
                        doc.provenance().sourceSystem().id(),
                        target == null ? null : target.id(),
                        consentIds,
                        reason);
        auditHead.put(pseudonym, r.hash());
        context.forward(
                new Record<>(
                        utf8(pseudonym),
                        bytes(CanonicalJson.mapper().valueToTree(r)),
                        clock.millis()),
                AUDIT_SINK);
    }

    private Optional<Versions.Seen> seenVersion(String documentId) {
        String v = versions.get(documentId);
        if (v == null) {
            return Optional.empty();
        }
        int bar = v.indexOf('|');
        return Optional.of(
                new Versions.Seen(Long.parseLong(v.substring(0, bar)), v.substring(bar + 1)));
    }

    private static String heldKey(
            String pseudonym, long now, CanonicalDocument doc, SourceSystem target) {
        return pseudonym
                + "|"
                + String.format("%015d", now)
                + "|"
                + doc.documentId()
                + "|"
                + doc.version()
                + "|"
                + target.id();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Ages.COPENHAGEN);
    }

    private static CanonicalDocument read(byte[] json) {
        try {
            return CanonicalJson.mapper().readValue(json, CanonicalDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "a canonical document the hub wrote could not be read", e);
        }
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("held state could not be read", e);
        }
    }

    private static byte[] write(CanonicalDocument doc) {
        return bytes(CanonicalJson.mapper().valueToTree(doc));
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
