package dk.youthhub.hub.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.GoalAgreement;
import dk.youthhub.canonical.Milestone;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.Cpr;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.core.Ages;
import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.core.AuditSigning;
import dk.youthhub.hub.core.ConsentPolicy;
import dk.youthhub.hub.core.GoalAgreementForm;
import dk.youthhub.hub.core.Hashes;
import dk.youthhub.hub.core.Milestones;
import dk.youthhub.hub.core.Minimisation;
import dk.youthhub.hub.core.RoutingPolicy;
import dk.youthhub.hub.core.Versions;
import dk.youthhub.hub.core.Withdrawal;
import dk.youthhub.hub.core.YouthRecord;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.kafka.CloudEvents;
import dk.youthhub.hub.kafka.KafkaReads;
import dk.youthhub.hub.kafka.Topics;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
 * the young person's hash chain.
 *
 * <p>A decision is made in full before anything of it is applied: its state changes and outputs are
 * buffered ({@link Overlay}) and applied together with the event's "seen" mark, so a failure
 * half-way leaves no trace but its dead letter. A failure that concerns one recipient (a defect
 * rendering for it, a delivery too large for it) dead-letters the document for that recipient alone
 * ({@code hub_target}); the others get it. A replayed dead letter ({@code hub_replay_of}) is
 * processed again once, for its {@code hub_target} only if it has one.
 */
public final class CoreProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    public static final String CONSENTS = "core-consents";
    public static final String VERSIONS = "core-versions";
    public static final String SEEN = "core-seen";
    public static final String HELD = "core-held";
    public static final String AUDIT_HEAD = dk.youthhub.hub.core.Rekeying.AUDIT_HEAD;

    /** Deliveries dispatched to a recipient whose outcome comes later: {@code pseudonym|ce_id}. */
    public static final String DISPATCHES = "core-dispatches";

    /** The young people's records of the collaboration model, by pseudonym. */
    public static final String YOUTH = dk.youthhub.hub.core.Rekeying.YOUTH;

    /** The latest accepted version of each document about a young person: pseudonym|document id. */
    public static final String LATEST = "core-latest";

    /** The document types whose latest version is kept: the form's inputs and the handover. */
    private static final java.util.Set<DocumentType> KEPT =
            java.util.EnumSet.of(
                    DocumentType.HANDLEPLAN,
                    DocumentType.JOBPLAN,
                    DocumentType.ASSESSMENT,
                    DocumentType.EDUCATION_STATUS,
                    DocumentType.MEETING,
                    DocumentType.GOAL_AGREEMENT);

    /** The documents of the handover package at 17½, besides the form. */
    private static final java.util.Set<DocumentType> HANDOVER =
            java.util.EnumSet.of(
                    DocumentType.HANDLEPLAN,
                    DocumentType.JOBPLAN,
                    DocumentType.ASSESSMENT,
                    DocumentType.EDUCATION_STATUS,
                    DocumentType.GOAL_AGREEMENT);

    /** The reason of a handover package's audit records and the marker header of its deliveries. */
    public static final String HANDOVER_REASON = "HANDOVER";

    public static final String HANDOVER_HEADER = "hub_handover";

    public static final String HELD_SINK = "held";
    public static final String AUDIT_SINK = "audit";
    public static final String DEAD_LETTER_SINK = "dead-letters";
    public static final String WITHDRAWAL_SINK = "withdrawals";
    public static final String DISPATCH_INDEX_SINK = "dispatch-index";
    public static final String UNACKNOWLEDGED_SINK = "unacknowledged";

    /** A notice from a recipient's own receipt (not from a POST's answer). */
    public static final String RECEIPT = "RECEIPT";

    public static final String RECEIPT_REJECTED = "RECEIPT_REJECTED";

    /** A withdrawal's reason when consent no longer covers a queued delivery: it is held again. */
    public static final String NOT_COVERED = "NOT_COVERED";

    private static final Logger LOG = LoggerFactory.getLogger(CoreProcessor.class);
    private static final Period EIGHTEEN = Period.ofYears(18);
    private static final SourceSystem HUB = SourceSystem.of("hub");
    private static final int PUNCTUATION_CHUNK = 500;

    /** The core's settings. */
    /**
     * @param erasureAfterYears a former young person is erased this many years after turning 23
     */
    public record Settings(
            Duration retention,
            Duration releaseCheckInterval,
            Duration dedupeWindow,
            int maxPayloadBytes,
            int maxRecordBytes,
            Duration receiptsTimeout,
            Duration receiptsCheckInterval,
            int erasureAfterYears) {}

    private final RoutingPolicy routing;
    private final Minimisation minimisation;
    private final ConnectorRegistry registry;
    private final Topics topics;
    private final DeadLetters deadLetters;
    private final PoisonRecords poison;
    private final Clock clock;
    private final Settings settings;

    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, byte[]> consentStore;
    private KeyValueStore<String, String> versionStore;
    private KeyValueStore<String, byte[]> heldStore;
    private KeyValueStore<String, String> auditHeadStore;
    private KeyValueStore<String, byte[]> dispatchStore;
    private KeyValueStore<String, byte[]> youthStore;
    private KeyValueStore<String, byte[]> latestStore;
    private SeenWindow seen;
    private final AuditSigning signing;
    private final java.util.Set<String> outcomeSinks;
    private final Runnable receiptNotCounted;

    /** Told of every action audited and every dispatch, for the metrics. */
    private final dk.youthhub.hub.core.CoreListener audited;

    public CoreProcessor(
            RoutingPolicy routing,
            Minimisation minimisation,
            ConnectorRegistry registry,
            Topics topics,
            DeadLetters deadLetters,
            PoisonRecords poison,
            Clock clock,
            Settings settings,
            AuditSigning signing,
            java.util.Set<String> outcomeSinks,
            Runnable receiptNotCounted,
            dk.youthhub.hub.core.CoreListener audited) {
        this.receiptNotCounted = receiptNotCounted;
        this.audited = audited;
        this.signing = signing;
        this.outcomeSinks = java.util.Set.copyOf(outcomeSinks);
        this.routing = routing;
        this.minimisation = minimisation;
        this.registry = registry;
        this.topics = topics;
        this.deadLetters = deadLetters;
        this.poison = poison;
        this.clock = clock;
        this.settings = settings;
    }

    /** The sink of what became of a system's events. */
    public static String outcomeSink(SourceSystem source) {
        return "outcomes-" + source.id();
    }

    /** The sink of the documents the core authors of one type (goal-agreement, milestone). */
    public static String authoredSink(DocumentType type) {
        return "authored-" + type.id();
    }

    /** The sink of a recipient's deliveries. */
    public static String deliverySink(SourceSystem target) {
        return "deliveries-" + target.id();
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.consentStore = context.getStateStore(CONSENTS);
        this.versionStore = context.getStateStore(VERSIONS);
        this.heldStore = context.getStateStore(HELD);
        this.auditHeadStore = context.getStateStore(AUDIT_HEAD);
        this.dispatchStore = context.getStateStore(DISPATCHES);
        this.youthStore = context.getStateStore(YOUTH);
        this.latestStore = context.getStateStore(LATEST);
        this.seen = new SeenWindow(SEEN, settings.dedupeWindow(), clock);
        seen.init(context);
        context.schedule(
                settings.releaseCheckInterval(),
                PunctuationType.WALL_CLOCK_TIME,
                t -> {
                    reconsiderAllHeld();
                    actOnMilestones();
                });
        context.schedule(
                settings.receiptsCheckInterval(),
                PunctuationType.WALL_CLOCK_TIME,
                t -> markUnacknowledged());
    }

    /** A record Kafka would refuse: its decision fails and is dead-lettered. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    /** One output of a decision, forwarded only when the decision is applied. */
    private record Out(Record<byte[], byte[]> record, String sink) {}

    /** The buffered state changes and outputs of one decision, or of one recipient's part. */
    private final class Decision {
        final Decision parent;
        final Overlay<byte[]> consents;
        final Overlay<String> versions;
        final Overlay<byte[]> held;
        final Overlay<String> auditHead;
        final Overlay<byte[]> dispatches;
        final Overlay<byte[]> youth;
        final Overlay<byte[]> latest;
        final List<Out> outs = new ArrayList<>();

        Decision() {
            this.parent = null;
            this.consents = Overlay.over(consentStore);
            this.versions = Overlay.over(versionStore);
            this.held = Overlay.over(heldStore);
            this.auditHead = Overlay.over(auditHeadStore);
            this.dispatches = Overlay.over(dispatchStore);
            this.youth = Overlay.over(youthStore);
            this.latest = Overlay.over(latestStore);
        }

        private Decision(Decision parent) {
            this.parent = parent;
            this.consents = parent.consents.child();
            this.versions = parent.versions.child();
            this.held = parent.held.child();
            this.auditHead = parent.auditHead.child();
            this.dispatches = parent.dispatches.child();
            this.youth = parent.youth.child();
            this.latest = parent.latest.child();
        }

        Decision child() {
            return new Decision(this);
        }

        void emit(Record<byte[], byte[]> record, String sink) {
            int size = size(record);
            if (size > settings.maxRecordBytes()) {
                throw new TooLarge(
                        "an output of "
                                + size
                                + " bytes is over the limit of "
                                + settings.maxRecordBytes());
            }
            outs.add(new Out(record, sink));
        }

        void apply() {
            consents.commit();
            versions.commit();
            held.commit();
            auditHead.commit();
            dispatches.commit();
            youth.commit();
            latest.commit();
            if (parent != null) {
                parent.outs.addAll(outs);
            } else {
                outs.forEach(o -> context.forward(o.record(), o.sink()));
            }
            outs.clear();
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata m = context.recordMetadata().orElseThrow();
        DeadLetters.Source source =
                new DeadLetters.Source(
                        m.topic(), m.partition(), m.offset(), record.key(), record.value());
        String pseudonym =
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        Optional<PoisonRecords.Verdict> refused = poison.take(m.topic(), m.partition(), m.offset());
        if (refused.isPresent()) {
            deadLetterNow(source, pseudonym, refused.get().reason(), refused.get().omitValue());
            return;
        }
        if (m.topic().equals(topics.notices())) {
            notice(source, pseudonym, record.value());
            return;
        }
        if (m.topic().equals(topics.registrations())) {
            registration(source, pseudonym, record.value());
            return;
        }
        CanonicalDocument doc;
        try {
            if (record.key() == null || record.value() == null) {
                throw new IllegalArgumentException("a canonical record needs a key and a value");
            }
            doc = read(record.value());
        } catch (RuntimeException unreadable) {
            deadLetterNow(
                    source,
                    pseudonym,
                    DeadLetters.Reason.of(
                            ErrorCode.MALFORMED, "not a canonical document the core can read"),
                    false);
            return;
        }
        String replayOf = KafkaReads.header(record.headers(), DeadLetters.REPLAY_OF);
        String seenKey =
                replayOf != null
                        ? "replay|" + replayOf
                        : doc.provenance().sourceSystem().id()
                                + "|"
                                + doc.provenance().sourceEventId();
        if (!seen.firstTime(seenKey)) {
            return; // the same event (or replay) again: processed once
        }
        Decision decision = new Decision();
        try {
            decide(
                    decision,
                    source,
                    pseudonym,
                    doc,
                    replayOf != null,
                    KafkaReads.header(record.headers(), DeadLetters.TARGET));
            decision.apply();
        } catch (RuntimeException defect) {
            LOG.error("Core: unexpected {} on a canonical record", defect.getClass().getName());
            deadLetterNow(
                    source,
                    pseudonym,
                    DeadLetters.Reason.of(
                            ErrorCode.PROCESSING_FAILED,
                            "unexpected " + defect.getClass().getSimpleName() + " in the core"),
                    false);
        }
    }

    /**
     * What another stage asks to be put in a chain: a delivery's outcome, resolved to the document
     * dispatched under its {@code ce_id}, or a dead letter.
     */
    private void notice(DeadLetters.Source source, String chain, byte[] value) {
        Notice n;
        try {
            if (chain == null || value == null) {
                throw new IllegalArgumentException("a notice needs a key and a value");
            }
            n = Notice.read(value);
        } catch (IOException | RuntimeException unreadable) {
            deadLetterNow(
                    source,
                    null,
                    DeadLetters.Reason.of(ErrorCode.MALFORMED, "not a notice the core can read"),
                    false);
            return;
        }
        Decision d = new Decision();
        AuditChain.Entry entry = entry(chain, n);
        String eventId = null;
        boolean receipt = RECEIPT.equals(n.reason()) || RECEIPT_REJECTED.equals(n.reason());
        if (n.ceId() != null) {
            String key = chain + "|" + n.ceId();
            byte[] stored = d.dispatches.get(key);
            JsonNode dispatched = stored == null ? null : readTree(stored);
            if (dispatched != null
                    && (!receipt || dispatched.path("target").asText().equals(n.target()))) {
                d.dispatches.delete(key);
                if (dispatched.path("unacknowledged").asBoolean()) {
                    d.outs.add(
                            new Out(
                                    new Record<>(utf8(n.ceId()), null, clock.millis()),
                                    UNACKNOWLEDGED_SINK));
                }
                if (receipt) {
                    d.outs.add(
                            new Out(
                                    new Record<>(utf8(n.ceId()), null, clock.millis()),
                                    DISPATCH_INDEX_SINK));
                }
                if (n.action() == AuditChain.Action.REJECTED
                        && NOT_COVERED.equals(n.reason())
                        && dispatched.has("document")) {
                    // not sent, and consent no longer covers it: it waits again
                    hold(
                            d,
                            chain,
                            documentIn(dispatched),
                            SourceSystem.of(dispatched.get("target").asText()),
                            position(dispatched));
                    d.apply();
                    return;
                }
                entry = dispatchedEntry(chain, n, dispatched);
                eventId = dispatched.path("eventId").asText(null);
                DeadLetters.Source canonical = position(dispatched);
                if (RECEIPT_REJECTED.equals(n.reason()) && canonical != null) {
                    // dead-lettered for that recipient: a replay sends it to them again
                    d.outs.add(
                            new Out(
                                    deadLetterRecord(
                                            canonical,
                                            chain,
                                            new DeadLetters.Reason(
                                                    ErrorCode.DELIVERY_FAILED,
                                                    "the recipient's receipt rejected it",
                                                    n.target()),
                                            true),
                                    DEAD_LETTER_SINK));
                }
            } else if (receipt) {
                // a receipt after the first, on another system's topic, or for no dispatch
                receiptNotCounted.run();
                return;
            }
        }
        chain(d, chain, entry);
        outcome(
                d,
                chain,
                entry.source(),
                n.eventId() != null ? n.eventId() : eventId,
                entry.action(),
                entry.reason(),
                entry.target());
        d.apply();
    }

    private AuditChain.Entry entry(String chain, Notice n) {
        return new AuditChain.Entry(
                clock.instant(),
                n.action(),
                n.documentId(),
                n.documentType(),
                n.documentVersion(),
                chain,
                n.source(),
                n.target(),
                List.of(),
                n.reason(),
                n.action() == AuditChain.Action.DISCLOSED
                        ? (n.credential() != null ? n.credential() : n.target())
                        : null,
                signing.pseudonymKeyId());
    }

    /** A delivery step of a dispatched document; one of the handover package keeps its reason. */
    private AuditChain.Entry dispatchedEntry(String chain, Notice n, JsonNode j) {
        return new AuditChain.Entry(
                clock.instant(),
                n.action(),
                j.path("documentId").asText(null),
                j.path("documentType").asText(null),
                j.path("documentVersion").isNumber() ? j.get("documentVersion").asLong() : null,
                chain,
                j.path("source").asText(null),
                n.target(),
                List.of(),
                j.path("handover").asBoolean() && n.action() == AuditChain.Action.DELIVERED
                        ? HANDOVER_REASON
                        : n.reason(),
                null,
                signing.pseudonymKeyId());
    }

    /** A dead letter written at once, outside any decision, and audited in its chain. */
    private void deadLetterNow(
            DeadLetters.Source source,
            String pseudonym,
            DeadLetters.Reason reason,
            boolean omitValue) {
        Decision d = new Decision();
        d.outs.add(
                new Out(deadLetterRecord(source, pseudonym, reason, omitValue), DEAD_LETTER_SINK));
        chain(
                d,
                pseudonym == null ? DeadLetters.UNIDENTIFIED : pseudonym,
                deadLettered(pseudonym, reason));
        d.apply();
    }

    /** A dead letter as part of a decision, audited in its chain. */
    private void deadLetter(
            Decision d, DeadLetters.Source source, String pseudonym, DeadLetters.Reason reason) {
        d.emit(deadLetterRecord(source, pseudonym, reason, false), DEAD_LETTER_SINK);
        chain(
                d,
                pseudonym == null ? DeadLetters.UNIDENTIFIED : pseudonym,
                deadLettered(pseudonym, reason));
    }

    private AuditChain.Entry deadLettered(String pseudonym, DeadLetters.Reason reason) {
        return new AuditChain.Entry(
                clock.instant(),
                AuditChain.Action.DEAD_LETTERED,
                null,
                null,
                null,
                pseudonym == null ? DeadLetters.UNIDENTIFIED : pseudonym,
                ConnectorRegistry.HUB,
                reason.target(),
                List.of(),
                reason.code().name(),
                null,
                signing.pseudonymKeyId());
    }

    private Record<byte[], byte[]> deadLetterRecord(
            DeadLetters.Source source,
            String pseudonym,
            DeadLetters.Reason reason,
            boolean omitValue) {
        DeadLetters.Letter l = deadLetters.letter(source, pseudonym, reason, omitValue);
        return new Record<>(l.key(), l.value(), l.timestamp(), l.headers());
    }

    private void decide(
            Decision d,
            DeadLetters.Source source,
            String pseudonym,
            CanonicalDocument doc,
            boolean replay,
            String replayTarget) {
        audit(
                d,
                pseudonym,
                AuditChain.Action.RECEIVED,
                doc,
                null,
                List.of(),
                replay ? "REPLAY" : null);
        if (doc.documentType() == DocumentType.CONSENT) {
            boolean kept = storeConsent(d, pseudonym, doc);
            if (kept && doc.consent().status() == Consent.Status.REVOKED) {
                withdraw(d, pseudonym, doc.provenance().sourceDocumentId());
            }
            if (kept) {
                withdrawUncovered(d, pseudonym);
                observe(d, pseudonym, doc);
            }
            if (!kept) {
                audit(
                        d,
                        pseudonym,
                        AuditChain.Action.REJECTED,
                        doc,
                        null,
                        List.of(),
                        "CONSENT_REVOKED");
                return;
            }
            reconsiderHeld(d, pseudonym);
            return;
        }
        SourceSystem only = replayTarget == null ? null : SourceSystem.of(replayTarget);
        Optional<Versions.Seen> latest = seenVersion(d, doc.documentId());
        Versions.Decision version =
                only != null
                        ? (latest.isPresent() && latest.get().version() > doc.version()
                                ? Versions.Decision.STALE_VERSION
                                : Versions.Decision.ACCEPT)
                        : Versions.decide(latest, doc.version(), Versions.contentHash(doc));
        switch (version) {
            case DUPLICATE -> {
                return;
            }
            case STALE_VERSION, VERSION_CONFLICT -> {
                audit(
                        d,
                        pseudonym,
                        AuditChain.Action.REJECTED,
                        doc,
                        only,
                        List.of(),
                        version.name());
                return;
            }
            case ACCEPT -> {
                if (only == null) {
                    d.versions.put(
                            doc.documentId(), doc.version() + "|" + Versions.contentHash(doc));
                    YouthRecord youth = observe(d, pseudonym, doc);
                    if (youth != null && GoalAgreementForm.isInput(doc.documentType())) {
                        refreshForm(d, pseudonym, youth);
                    }
                }
            }
        }
        RoutingPolicy.Decision routed =
                doc.documentType().authoredByHub()
                        ? routing.decideAuthored(doc, today(), withCase(d, pseudonym))
                        : routing.decide(doc, today());
        if (routed instanceof RoutingPolicy.OutOfScope) {
            audit(d, pseudonym, AuditChain.Action.REJECTED, doc, only, List.of(), "OUT_OF_SCOPE");
            return;
        }
        for (SourceSystem target : ((RoutingPolicy.Recipients) routed).targets()) {
            if (only != null && !target.equals(only)) {
                continue;
            }
            forRecipient(
                    d,
                    source,
                    pseudonym,
                    target,
                    part -> {
                        ConsentPolicy.Coverage coverage = coverage(part, pseudonym, doc, target);
                        if (coverage.covered()) {
                            deliver(part, pseudonym, doc, target, coverage.consentIds(), source);
                            audited.dispatched(
                                    target.id(),
                                    Duration.between(
                                            doc.provenance().eventTime().toInstant(),
                                            clock.instant()));
                        } else {
                            hold(part, pseudonym, doc, target, source);
                        }
                    });
        }
        if (only == null
                && doc.documentType() == DocumentType.MILESTONE
                && doc.milestone().milestone() == Milestone.Kind.HANDOVER_17_5) {
            handover(d, pseudonym);
        }
    }

    /**
     * One recipient's part of a decision: applied when it succeeds, else replaced by a dead letter
     * of the document for that recipient alone.
     */
    private boolean forRecipient(
            Decision d,
            DeadLetters.Source source,
            String pseudonym,
            SourceSystem target,
            java.util.function.Consumer<Decision> work) {
        Decision part = d.child();
        try {
            work.accept(part);
            part.apply();
            return true;
        } catch (TooLarge e) {
            deadLetter(
                    d,
                    source,
                    pseudonym,
                    new DeadLetters.Reason(ErrorCode.TOO_LARGE, e.getMessage(), target.id()));
            return false;
        } catch (RuntimeException defect) {
            LOG.error(
                    "Core: unexpected {} for recipient {}",
                    defect.getClass().getName(),
                    target.id());
            deadLetter(
                    d,
                    source,
                    pseudonym,
                    new DeadLetters.Reason(
                            ErrorCode.PROCESSING_FAILED,
                            "unexpected " + defect.getClass().getSimpleName() + " in the core",
                            target.id()));
            return false;
        }
    }

    /**
     * Withdraws what was dispatched on the revoked consent and is not yet delivered: the HTTP
     * delivery checks this just before each call, and answers with a {@code REJECTED} notice.
     */
    private void withdraw(Decision d, String pseudonym, String revokedConsentId) {
        for (KeyValue<String, byte[]> e : d.dispatches.prefix(pseudonym + "|")) {
            ObjectNode dispatched = (ObjectNode) readTree(e.value);
            boolean reliedOn = false;
            for (JsonNode id : dispatched.path("consentIds")) {
                reliedOn |= id.asText().equals(revokedConsentId);
            }
            if (reliedOn && !dispatched.path("withdrawn").asBoolean()) {
                withdrawDispatch(d, e.key, dispatched, "CONSENT_REVOKED");
            }
        }
    }

    /**
     * Withdraws each queued HTTP delivery of a young person that their consents no longer cover (a
     * narrower update, a validity that has ended): {@code NOT_COVERED}. The delivery stage answers
     * with a {@code REJECTED} notice if it had not sent it yet, and the document goes back to held.
     */
    private void withdrawUncovered(Decision d, String pseudonym) {
        for (KeyValue<String, byte[]> e : d.dispatches.prefix(pseudonym + "|")) {
            withdrawIfUncovered(d, pseudonym, e);
        }
    }

    private boolean withdrawIfUncovered(Decision d, String pseudonym, KeyValue<String, byte[]> e) {
        ObjectNode dispatched = (ObjectNode) readTree(e.value);
        if (!dispatched.has("document") || dispatched.path("withdrawn").asBoolean()) {
            return false;
        }
        CanonicalDocument doc = documentIn(dispatched);
        SourceSystem target = SourceSystem.of(dispatched.get("target").asText());
        if (coverage(d, pseudonym, doc, target).covered()) {
            return false;
        }
        withdrawDispatch(d, e.key, dispatched, NOT_COVERED);
        return true;
    }

    /**
     * Marks a stored dispatch ({@code <pseudonym>|<ce_id>}) withdrawn and tells the delivery stage,
     * which checks the withdrawal (of this dispatch only) before its next call.
     */
    private void withdrawDispatch(Decision d, String key, ObjectNode dispatched, String reason) {
        dispatched.put("withdrawn", true);
        d.dispatches.put(key, bytes(dispatched));
        emitWithdrawal(d, key, dispatched, reason);
    }

    private void emitWithdrawal(Decision d, String key, JsonNode dispatched, String reason) {
        d.outs.add(
                new Out(
                        new Record<>(
                                utf8(key.substring(key.indexOf('|') + 1)),
                                utf8(
                                        new Withdrawal(reason, dispatched.path("at").asLong())
                                                .value()),
                                clock.millis()),
                        WITHDRAWAL_SINK));
    }

    /** The canonical document a stored entry (held, dispatched, latest) keeps. */
    private static CanonicalDocument documentIn(JsonNode entry) {
        return CanonicalJson.mapper().convertValue(entry.get("document"), CanonicalDocument.class);
    }

    /**
     * Keeps the version of a consent that stands ({@link ConsentPolicy#stands}).
     *
     * @return false for a grant under an id that is revoked: it is not kept
     */
    private boolean storeConsent(Decision d, String pseudonym, CanonicalDocument consent) {
        String key = pseudonym + "|" + ConsentPolicy.consentId(consent);
        byte[] stored = d.consents.get(key);
        CanonicalDocument standing =
                stored == null ? consent : ConsentPolicy.stands(read(stored), consent);
        if (standing != consent) {
            return consent.consent().status() != Consent.Status.GIVEN
                    || standing.consent().status() != Consent.Status.REVOKED;
        }
        d.consents.put(key, write(consent));
        return true;
    }

    private ConsentPolicy.Coverage coverage(
            Decision d, String pseudonym, CanonicalDocument doc, SourceSystem target) {
        List<CanonicalDocument> all = new ArrayList<>();
        for (KeyValue<String, byte[]> kv : d.consents.prefix(pseudonym + "|")) {
            all.add(read(kv.value));
        }
        LocalDate born = Cpr.parse(doc.youngPerson().cpr()).orElseThrow().birthDate();
        boolean under18 = !Ages.hasReached(born, EIGHTEEN, today());
        return ConsentPolicy.covers(
                ConsentPolicy.inForce(all), target, doc.documentType(), today(), under18);
    }

    private void deliver(
            Decision d,
            String pseudonym,
            CanonicalDocument doc,
            SourceSystem target,
            List<String> consentIds,
            DeadLetters.Source source) {
        deliver(d, pseudonym, doc, target, consentIds, source, false);
    }

    /**
     * @param handover part of the handover package: marked in the body and a header, audited with
     *     reason {@code HANDOVER}
     */
    private void deliver(
            Decision d,
            String pseudonym,
            CanonicalDocument doc,
            SourceSystem target,
            List<String> consentIds,
            DeadLetters.Source source,
            boolean handover) {
        CanonicalDocument minimised = minimisation.forRecipient(doc, target);
        Connector connector = registry.of(target);
        byte[] delivery = connector.renderer().render(minimised, handover);
        if (delivery.length > settings.maxPayloadBytes()) {
            throw new TooLarge(
                    "the delivery renders to "
                            + delivery.length
                            + " bytes, over the limit of "
                            + settings.maxPayloadBytes());
        }
        String id = CloudEvents.deliveryId(target.id(), doc.documentId(), doc.version());
        RecordHeaders h =
                CloudEvents.delivery(doc, pseudonym, id, connector.descriptor().nativeMediaType());
        if (handover) {
            h.add(HANDOVER_HEADER, utf8("true"));
        }
        long at = clock.millis();
        d.emit(new Record<>(utf8(pseudonym), delivery, at, h), deliverySink(target));
        audit(
                d,
                pseudonym,
                AuditChain.Action.DISPATCHED,
                doc,
                target,
                consentIds,
                handover ? HANDOVER_REASON : null);
        markDispatched(d, pseudonym, doc, target);
        if (connector.descriptor().acknowledges()) {
            ObjectNode dispatched = CanonicalJson.mapper().createObjectNode();
            dispatched.put("documentId", doc.documentId());
            dispatched.put("documentType", doc.documentType().id());
            dispatched.put("documentVersion", doc.version());
            dispatched.put("source", doc.provenance().sourceSystem().id());
            dispatched.put("target", target.id());
            dispatched.put("eventId", doc.provenance().sourceEventId());
            putPosition(dispatched, source);
            if (connector.descriptor().deliversOverHttp()) {
                // checked again until the POST is made: no longer covered → back to held
                dispatched.set("document", CanonicalJson.mapper().valueToTree(doc));
                // the day the young person leaves scope: a POST not made by then is withdrawn
                dispatched.put(
                        "leavesScope",
                        Ages.reached(
                                        Cpr.parse(doc.youngPerson().cpr())
                                                .orElseThrow()
                                                .birthDate(),
                                        routing.untilAge())
                                .toString());
            }
            dispatched.put("at", at);
            if (handover) {
                dispatched.put("handover", true);
            }
            consentIds.forEach(dispatched.putArray("consentIds")::add);
            d.dispatches.put(pseudonym + "|" + id, bytes(dispatched));
            if (connector.descriptor().sendsReceipts()) {
                d.outs.add(
                        new Out(
                                new Record<>(utf8(id), utf8(pseudonym), clock.millis()),
                                DISPATCH_INDEX_SINK));
            }
        }
    }

    private void hold(
            Decision d,
            String pseudonym,
            CanonicalDocument doc,
            SourceSystem target,
            DeadLetters.Source source) {
        hold(d, pseudonym, doc, target, source, false);
    }

    private void hold(
            Decision d,
            String pseudonym,
            CanonicalDocument doc,
            SourceSystem target,
            DeadLetters.Source source,
            boolean handover) {
        long now = clock.millis();
        ObjectNode entry = CanonicalJson.mapper().createObjectNode();
        entry.put("target", target.id());
        entry.put("heldAt", now);
        if (handover) {
            entry.put("handover", true);
        }
        putPosition(entry, source);
        entry.set("document", CanonicalJson.mapper().valueToTree(doc));
        byte[] stored = bytes(entry);
        if (stored.length > settings.maxRecordBytes()) {
            throw new TooLarge(
                    "a held entry of "
                            + stored.length
                            + " bytes is over the limit of "
                            + settings.maxRecordBytes());
        }
        supersede(d, pseudonym, doc, target);
        d.held.put(heldKey(pseudonym, now, doc, target), stored);
        RecordHeaders h = new RecordHeaders();
        h.add(DeadLetters.TARGET, utf8(target.id()));
        h.add(CloudEvents.SUBJECT, utf8(pseudonym));
        d.emit(new Record<>(utf8(pseudonym), write(doc), now, h), HELD_SINK);
        audit(d, pseudonym, AuditChain.Action.HELD, doc, target, List.of(), "NO_CONSENT");
    }

    /** One young person's held documents, in arrival order: released if now covered. */
    private void reconsiderHeld(Decision d, String pseudonym) {
        for (KeyValue<String, byte[]> e : d.held.prefix(pseudonym + "|")) {
            reconsiderForRecipient(d, pseudonym, e);
        }
    }

    /**
     * One held document for its recipient, as that recipient's part of the decision: if it fails (a
     * delivery too large for that recipient, a defect), the document leaves the held documents and
     * is dead-lettered for that recipient alone; the rest of the decision goes on.
     */
    private void reconsiderForRecipient(Decision d, String pseudonym, KeyValue<String, byte[]> e) {
        JsonNode entry = readTree(e.value);
        byte[] document = bytes(entry.get("document"));
        DeadLetters.Source source =
                new DeadLetters.Source(
                        topics.canonical(read(document).documentType()),
                        context.taskId().partition(),
                        -1,
                        utf8(pseudonym),
                        document);
        SourceSystem target = SourceSystem.of(entry.get("target").asText());
        if (!forRecipient(d, source, pseudonym, target, part -> reconsider(part, pseudonym, e))) {
            d.held.delete(e.key);
        }
    }

    /**
     * Every held document, a chunk at a time: expired past the retention, else released if now
     * covered. Each document is its own decision; one that fails is dead-lettered for its recipient
     * and leaves the held documents.
     */
    private void reconsiderAllHeld() {
        inChunks(heldStore, this::reconsiderOne);
    }

    /**
     * Every entry of a store, a chunk at a time, so a punctuation never holds an iterator while it
     * writes, nor the whole store in memory.
     */
    private static void inChunks(
            KeyValueStore<String, byte[]> store,
            java.util.function.Consumer<KeyValue<String, byte[]>> each) {
        String from = null;
        while (true) {
            List<KeyValue<String, byte[]>> chunk = new ArrayList<>(PUNCTUATION_CHUNK);
            try (KeyValueIterator<String, byte[]> it = store.range(from, null)) {
                while (it.hasNext() && chunk.size() < PUNCTUATION_CHUNK) {
                    KeyValue<String, byte[]> kv = it.next();
                    if (from == null || !kv.key.equals(from)) {
                        chunk.add(kv);
                    }
                }
            }
            if (chunk.isEmpty()) {
                return;
            }
            chunk.forEach(each);
            from = chunk.get(chunk.size() - 1).key;
        }
    }

    /**
     * The dispatches that wait for an answer, every {@code hub.receipts.check-interval}: an HTTP
     * delivery whose young person has left scope since is withdrawn ({@code OUT_OF_SCOPE}, checked
     * by the delivery stage before its next call); one without its receipt (or answer) after the
     * timeout is audited {@code UNACKNOWLEDGED} once and listed on {@code hub.unacknowledged.v1}
     * until the receipt comes.
     */
    private void markUnacknowledged() {
        long due = clock.millis() - settings.receiptsTimeout().toMillis();
        inChunks(dispatchStore, e -> markIfDue(e, due));
    }

    private void markIfDue(KeyValue<String, byte[]> e, long due) {
        ObjectNode dispatched = (ObjectNode) readTree(e.value);
        if (dispatched.hasNonNull("leavesScope")
                && !dispatched.path("withdrawn").asBoolean()
                && !today().isBefore(LocalDate.parse(dispatched.get("leavesScope").asText()))) {
            Decision d = new Decision();
            withdrawDispatch(d, e.key, dispatched, "OUT_OF_SCOPE");
            d.apply();
            return;
        }
        Decision uncovered = new Decision();
        if (withdrawIfUncovered(uncovered, e.key.substring(0, e.key.indexOf('|')), e)) {
            uncovered.apply();
            return;
        }
        if (dispatched.path("unacknowledged").asBoolean() || dispatched.path("at").asLong() > due) {
            return;
        }
        String pseudonym = e.key.substring(0, e.key.indexOf('|'));
        String ceId = e.key.substring(pseudonym.length() + 1);
        Decision d = new Decision();
        dispatched.put("unacknowledged", true);
        d.dispatches.put(e.key, bytes(dispatched));
        chain(
                d,
                pseudonym,
                new AuditChain.Entry(
                        clock.instant(),
                        AuditChain.Action.UNACKNOWLEDGED,
                        dispatched.path("documentId").asText(null),
                        dispatched.path("documentType").asText(null),
                        dispatched.path("documentVersion").asLong(),
                        pseudonym,
                        dispatched.path("source").asText(null),
                        dispatched.path("target").asText(null),
                        List.of(),
                        "NO_RECEIPT",
                        null,
                        signing.pseudonymKeyId()));
        ObjectNode listed = dispatched.deepCopy();
        listed.remove(List.of("unacknowledged", "consentIds"));
        listed.put("ceId", ceId);
        listed.put("pseudonym", pseudonym);
        d.outs.add(
                new Out(
                        new Record<>(utf8(ceId), bytes(listed), clock.millis()),
                        UNACKNOWLEDGED_SINK));
        d.apply();
    }

    private void reconsiderOne(KeyValue<String, byte[]> e) {
        Decision d = new Decision();
        reconsiderForRecipient(d, e.key.substring(0, e.key.indexOf('|')), e);
        d.apply();
    }

    private void reconsider(Decision d, String pseudonym, KeyValue<String, byte[]> e) {
        JsonNode entry = readTree(e.value);
        CanonicalDocument doc = documentIn(entry);
        SourceSystem target = SourceSystem.of(entry.get("target").asText());
        if (Instant.ofEpochMilli(entry.get("heldAt").asLong())
                .plus(settings.retention())
                .isBefore(clock.instant())) {
            d.held.delete(e.key);
            audit(d, pseudonym, AuditChain.Action.EXPIRED, doc, target, List.of(), "RETENTION");
            return;
        }
        Optional<Versions.Seen> latest = seenVersion(d, doc.documentId());
        if (latest.isPresent() && latest.get().version() > doc.version()) {
            d.held.delete(e.key);
            audit(
                    d,
                    pseudonym,
                    AuditChain.Action.REJECTED,
                    doc,
                    target,
                    List.of(),
                    "STALE_VERSION");
            return;
        }
        if (routing.decide(doc, today()) instanceof RoutingPolicy.OutOfScope) {
            d.held.delete(e.key);
            audit(d, pseudonym, AuditChain.Action.REJECTED, doc, target, List.of(), "OUT_OF_SCOPE");
            return;
        }
        ConsentPolicy.Coverage coverage = coverage(d, pseudonym, doc, target);
        if (coverage.covered()) {
            d.held.delete(e.key);
            audit(
                    d,
                    pseudonym,
                    AuditChain.Action.RELEASED,
                    doc,
                    target,
                    coverage.consentIds(),
                    null);
            deliver(
                    d,
                    pseudonym,
                    doc,
                    target,
                    coverage.consentIds(),
                    position(entry),
                    entry.path("handover").asBoolean());
        }
    }

    /**
     * A registration over HTTP that is not a document: a coordinator's assignment to a young person
     * the hub knows (the endpoint checked); one it cannot read is dead-lettered.
     */
    private void registration(DeadLetters.Source source, String pseudonym, byte[] value) {
        YouthRecord.Coordinator coordinator;
        try {
            if (pseudonym == null || value == null) {
                throw new IllegalArgumentException("a registration needs a key and a value");
            }
            JsonNode json = CanonicalJson.mapper().readTree(value);
            if (json.has("erase")) {
                Decision d = new Decision();
                erase(d, pseudonym, json.get("erase").path("reason").asText("REQUEST"));
                d.apply();
                return;
            }
            coordinator =
                    CanonicalJson.mapper()
                            .treeToValue(json.get("coordinator"), YouthRecord.Coordinator.class);
            if (coordinator == null || coordinator.name() == null) {
                throw new IllegalArgumentException("a registration names its coordinator");
            }
        } catch (IOException | RuntimeException unreadable) {
            deadLetterNow(
                    source,
                    null,
                    DeadLetters.Reason.of(
                            ErrorCode.MALFORMED, "not a registration the core can read"),
                    false);
            return;
        }
        Decision d = new Decision();
        Optional<YouthRecord> youth = youth(d, pseudonym);
        if (youth.isPresent() && !youth.get().former()) {
            d.youth.put(pseudonym, bytes(youth.get().withCoordinator(coordinator)));
        }
        d.apply();
    }

    /**
     * Erases a young person from the core's state at once: consents, held documents, dispatches (a
     * queued POST is withdrawn first), latest documents, their record and the versions of their
     * documents; audited {@code ERASED} in their chain, which holds no content and stays whole.
     * What their topics hold ends with each topic's retention.
     */
    private void erase(Decision d, String pseudonym, String reason) {
        String seed = youth(d, pseudonym).map(y -> y.seedOr(pseudonym)).orElse(pseudonym);
        java.util.Set<String> documents = new java.util.TreeSet<>();
        String prefix = pseudonym + "|";
        for (KeyValue<String, byte[]> e : d.dispatches.prefix(prefix)) {
            JsonNode dispatched = readTree(e.value);
            documents.add(dispatched.path("documentId").asText());
            if (dispatched.has("document") && !dispatched.path("withdrawn").asBoolean()) {
                emitWithdrawal(d, e.key, dispatched, "ERASED");
            }
            d.dispatches.delete(e.key);
        }
        for (KeyValue<String, byte[]> e : d.held.prefix(prefix)) {
            documents.add(readTree(e.value).path("document").path("documentId").asText());
            d.held.delete(e.key);
        }
        for (KeyValue<String, byte[]> e : d.latest.prefix(prefix)) {
            documents.add(e.key.substring(prefix.length()));
            d.latest.delete(e.key);
        }
        for (KeyValue<String, byte[]> e : d.consents.prefix(prefix)) {
            d.consents.delete(e.key);
        }
        for (Milestone.Kind m : Milestone.Kind.values()) {
            documents.add(
                    CanonicalDocument.documentId(
                            HUB, DocumentType.MILESTONE, milestoneId(seed, m)));
        }
        documents.add(CanonicalDocument.documentId(HUB, DocumentType.GOAL_AGREEMENT, formId(seed)));
        documents.forEach(d.versions::delete);
        d.youth.delete(pseudonym);
        chain(
                d,
                pseudonym,
                new AuditChain.Entry(
                        clock.instant(),
                        AuditChain.Action.ERASED,
                        null,
                        null,
                        null,
                        pseudonym,
                        "hub",
                        null,
                        List.of(),
                        reason,
                        null,
                        signing.pseudonymKeyId()));
    }

    private Optional<YouthRecord> youth(Decision d, String pseudonym) {
        byte[] stored = d.youth.get(pseudonym);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CanonicalJson.mapper().readValue(stored, YouthRecord.class));
        } catch (IOException e) {
            throw new IllegalStateException("a stored record could not be read", e);
        }
    }

    /**
     * The young person's record after an accepted document, and the document kept as their latest
     * of its id; none for someone the hub first hears of at 23 or later (out of scope for good).
     */
    private YouthRecord observe(Decision d, String pseudonym, CanonicalDocument doc) {
        YouthRecord youth = youth(d, pseudonym).orElse(null);
        if (youth == null) {
            LocalDate born = Cpr.parse(doc.youngPerson().cpr()).orElseThrow().birthDate();
            if (Ages.hasReached(born, routing.untilAge(), today())) {
                return null;
            }
            youth = YouthRecord.of(doc.youngPerson().cpr(), today());
        }
        if (youth.former()) {
            return null;
        }
        youth = youth.observe(doc, today(), routing.fromAge(), routing.untilAge());
        d.youth.put(pseudonym, bytes(youth));
        if (KEPT.contains(doc.documentType())) {
            ObjectNode entry = CanonicalJson.mapper().createObjectNode();
            entry.putArray("dispatchedTo");
            entry.set("document", CanonicalJson.mapper().valueToTree(doc));
            d.latest.put(pseudonym + "|" + doc.documentId(), bytes(entry));
        }
        return youth;
    }

    /** The systems that have sent a document about the young person. */
    private List<String> withCase(Decision d, String pseudonym) {
        return youth(d, pseudonym).map(YouthRecord::systems).orElse(List.of());
    }

    /**
     * The source id of a young person's goals-and-agreements form, one per young person, from
     * {@link YouthRecord#seedOr}, so it survives a rotation of the pseudonym key.
     */
    private static String formId(String seed) {
        return UUID.nameUUIDFromBytes(utf8("goal-agreement|" + seed)).toString();
    }

    /** The source id of one of a young person's milestones. */
    private static String milestoneId(String seed, Milestone.Kind milestone) {
        return UUID.nameUUIDFromBytes(utf8("milestone|" + seed + "|" + milestone.name()))
                .toString();
    }

    /** The latest version of each kept document of a young person, in the order received. */
    private List<CanonicalDocument> latest(Decision d, String pseudonym) {
        List<CanonicalDocument> docs = new ArrayList<>();
        for (KeyValue<String, byte[]> e : d.latest.prefix(pseudonym + "|")) {
            docs.add(documentIn(readTree(e.value)));
        }
        docs.sort(
                java.util.Comparator.comparing((CanonicalDocument c) -> c.provenance().receivedAt())
                        .thenComparing(CanonicalDocument::documentId));
        return docs;
    }

    /** Notes that the latest version of a kept document went to a recipient (handover skips it). */
    private void markDispatched(
            Decision d, String pseudonym, CanonicalDocument doc, SourceSystem target) {
        String key = pseudonym + "|" + doc.documentId();
        byte[] stored = d.latest.get(key);
        if (stored == null) {
            return;
        }
        ObjectNode entry = (ObjectNode) readTree(stored);
        if (entry.path("document").path("version").asLong() != doc.version()) {
            return;
        }
        com.fasterxml.jackson.databind.node.ArrayNode to =
                (com.fasterxml.jackson.databind.node.ArrayNode) entry.get("dispatchedTo");
        for (JsonNode t : to) {
            if (t.asText().equals(target.id())) {
                return;
            }
        }
        to.add(target.id());
        d.latest.put(key, bytes(entry));
    }

    /**
     * A new version of the goals-and-agreements form when its content changed, written to its
     * canonical topic; the core routes it when it reads it back, like any document.
     */
    private void refreshForm(Decision d, String pseudonym, YouthRecord youth) {
        Optional<GoalAgreement> form = GoalAgreementForm.of(latest(d, pseudonym));
        if (form.isEmpty()) {
            return;
        }
        String hash = Hashes.sha256Hex(bytes(CanonicalJson.mapper().valueToTree(form.get())));
        if (hash.equals(youth.formHash())) {
            return;
        }
        long version = youth.formVersion() + 1;
        d.youth.put(pseudonym, bytes(youth.withForm(version, hash)));
        author(
                d,
                pseudonym,
                youth,
                DocumentType.GOAL_AGREEMENT,
                formId(youth.seedOr(pseudonym)),
                version,
                "GoalAgreementUpdated",
                form.get());
    }

    /**
     * Writes a document the hub authors to its canonical topic, keyed by the pseudonym, with the
     * CloudEvents headers of any canonical record ({@code ce_source} {@code hub}).
     */
    private void author(
            Decision d,
            String pseudonym,
            YouthRecord youth,
            DocumentType type,
            String id,
            long version,
            String eventType,
            dk.youthhub.canonical.Payload payload) {
        java.time.OffsetDateTime now =
                java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        CanonicalDocument doc =
                CanonicalDocument.of(
                                type,
                                version,
                                new dk.youthhub.canonical.YoungPerson(youth.cpr(), null, null),
                                kommune(d, pseudonym, youth),
                                null,
                                new dk.youthhub.canonical.Provenance(
                                        HUB,
                                        "hub-" + type.id() + "-" + id + "-" + version,
                                        eventType,
                                        null,
                                        id,
                                        version,
                                        now,
                                        clock.instant()))
                        .with(payload);
        String cause = HUB.id() + "|" + doc.documentId() + "|" + version;
        d.emit(
                new Record<>(
                        utf8(pseudonym),
                        write(doc),
                        clock.millis(),
                        CloudEvents.headers(doc, pseudonym, cause)),
                authoredSink(type));
    }

    /** The young person's municipality; before any source document, their latest meeting's. */
    private String kommune(Decision d, String pseudonym, YouthRecord youth) {
        if (youth.kommune() != null) {
            return youth.kommune();
        }
        return latest(d, pseudonym).stream()
                .filter(c -> c.documentType() == DocumentType.MEETING)
                .reduce((a, b) -> b)
                .map(c -> c.meeting().kommune())
                .orElse(null);
    }

    /**
     * Every young person's milestones reached and not yet acted on, a chunk at a time: each is
     * announced once (its state and its document in one transaction); {@code OUT_OF_SCOPE_23}
     * leaves only what the documentation model counts.
     */
    private void actOnMilestones() {
        inChunks(youthStore, this::actOnMilestones);
    }

    private void actOnMilestones(KeyValue<String, byte[]> e) {
        Decision d = new Decision();
        YouthRecord youth = youth(d, e.key).orElseThrow();
        if (youth.former()) {
            LocalDate erasable =
                    Ages.reached(youth.born(), routing.untilAge())
                            .plusYears(settings.erasureAfterYears());
            if (!today().isBefore(erasable)) {
                erase(d, e.key, "RETENTION_RULE");
                d.apply();
            }
            return;
        }
        List<Milestone.Kind> due =
                Milestones.toActOn(
                        youth.born(),
                        youth.firstSeen(),
                        java.util.EnumSet.copyOf(
                                youth.acted().isEmpty()
                                        ? java.util.EnumSet.noneOf(Milestone.Kind.class)
                                        : youth.acted()),
                        today());
        if (due.isEmpty()) {
            return;
        }
        for (Milestone.Kind m : due) {
            author(
                    d,
                    e.key,
                    youth,
                    DocumentType.MILESTONE,
                    milestoneId(youth.seedOr(e.key), m),
                    1,
                    "MilestoneReached",
                    new Milestone(m, Milestones.date(youth.born(), m)));
            youth = youth.withActed(m);
        }
        if (youth.acted().contains(Milestone.Kind.OUT_OF_SCOPE_23)) {
            youth = youth.asFormer();
            for (KeyValue<String, byte[]> kept : d.latest.prefix(e.key + "|")) {
                d.latest.delete(kept.key);
            }
        }
        d.youth.put(e.key, bytes(youth));
        d.apply();
    }

    /**
     * The handover package at 17½ to each system with an age rule: the latest version of every
     * document about the young person from the other systems and the latest form, unless that
     * version went to it already; subject to consent (else held) and minimisation, each its own
     * part of the decision.
     */
    private void handover(Decision d, String pseudonym) {
        for (SourceSystem adult : routing.handoverTargets()) {
            for (KeyValue<String, byte[]> e : d.latest.prefix(pseudonym + "|")) {
                JsonNode entry = readTree(e.value);
                CanonicalDocument doc = documentIn(entry);
                boolean sent = false;
                for (JsonNode t : entry.path("dispatchedTo")) {
                    sent |= t.asText().equals(adult.id());
                }
                if (sent
                        || !HANDOVER.contains(doc.documentType())
                        || doc.provenance().sourceSystem().equals(adult)) {
                    continue;
                }
                DeadLetters.Source source =
                        new DeadLetters.Source(
                                topics.canonical(doc.documentType()),
                                context.taskId().partition(),
                                -1,
                                utf8(pseudonym),
                                write(doc));
                forRecipient(
                        d,
                        source,
                        pseudonym,
                        adult,
                        part -> {
                            ConsentPolicy.Coverage coverage = coverage(part, pseudonym, doc, adult);
                            if (coverage.covered()) {
                                deliver(
                                        part,
                                        pseudonym,
                                        doc,
                                        adult,
                                        coverage.consentIds(),
                                        null,
                                        true);
                            } else {
                                hold(part, pseudonym, doc, adult, null, true);
                            }
                        });
            }
        }
    }

    /** Where the canonical record of a document is, so a dead letter for it can be replayed. */
    private static void putPosition(ObjectNode entry, DeadLetters.Source source) {
        if (source != null) {
            entry.put("sourceTopic", source.topic());
            entry.put("sourcePartition", source.partition());
            entry.put("sourceOffset", source.offset());
        }
    }

    private static DeadLetters.Source position(JsonNode entry) {
        return entry.hasNonNull("sourceTopic")
                ? new DeadLetters.Source(
                        entry.get("sourceTopic").asText(),
                        entry.get("sourcePartition").asInt(),
                        entry.get("sourceOffset").asLong(),
                        null,
                        null)
                : null;
    }

    private void audit(
            Decision d,
            String pseudonym,
            AuditChain.Action action,
            CanonicalDocument doc,
            SourceSystem target,
            List<String> consentIds,
            String reason) {
        chain(
                d,
                pseudonym,
                new AuditChain.Entry(
                        clock.instant(),
                        action,
                        doc.documentId(),
                        doc.documentType().id(),
                        doc.version(),
                        pseudonym,
                        doc.provenance().sourceSystem().id(),
                        target == null ? null : target.id(),
                        consentIds,
                        reason,
                        null,
                        signing.pseudonymKeyId()));
        outcome(
                d,
                pseudonym,
                doc.provenance().sourceSystem().id(),
                doc.provenance().sourceEventId(),
                action,
                reason,
                target == null ? null : target.id());
    }

    /**
     * What became of an event, for the system that sent it ({@code <source>.outcomes.v1}, keyed by
     * the pseudonym): no CPR number, no content. Actions that are not an event's outcome are left
     * out.
     */
    private void outcome(
            Decision d,
            String pseudonym,
            String source,
            String eventId,
            AuditChain.Action action,
            String code,
            String target) {
        String outcome =
                switch (action) {
                    case RECEIVED -> "REPLAY".equals(code) ? null : "ACCEPTED";
                    case HELD,
                            RELEASED,
                            EXPIRED,
                            DISPATCHED,
                            DELIVERED,
                            DELIVERY_FAILED,
                            REJECTED,
                            DEAD_LETTERED ->
                            action.name();
                    default -> null;
                };
        if (outcome == null
                || source == null
                || eventId == null
                || !outcomeSinks.contains(source)) {
            return;
        }
        ObjectNode o = CanonicalJson.mapper().createObjectNode();
        o.put("event_id", eventId);
        o.put("outcome", outcome);
        if (code != null && !"ACCEPTED".equals(outcome)) {
            o.put("code", code);
        }
        if (target != null) {
            o.put("target", target);
        }
        o.put("time", clock.instant().toString());
        d.outs.add(
                new Out(
                        new Record<>(utf8(pseudonym), bytes(o), clock.millis()),
                        outcomeSink(SourceSystem.of(source))));
    }

    /** The next record of a chain ({@code pseudonym} or {@code unidentified}): one writer, here. */
    private void chain(Decision d, String chain, AuditChain.Entry entry) {
        audited.audited(entry);
        String previous = Optional.ofNullable(d.auditHead.get(chain)).orElse(AuditChain.GENESIS);
        AuditChain.Record r = AuditChain.next(previous, entry, signing.keys());
        d.auditHead.put(chain, r.hash());
        d.outs.add(
                new Out(
                        new Record<>(
                                utf8(chain),
                                bytes(CanonicalJson.mapper().valueToTree(r)),
                                clock.millis()),
                        AUDIT_SINK));
    }

    private Optional<Versions.Seen> seenVersion(Decision d, String documentId) {
        String v = d.versions.get(documentId);
        if (v == null) {
            return Optional.empty();
        }
        int bar = v.indexOf('|');
        return Optional.of(
                new Versions.Seen(Long.parseLong(v.substring(0, bar)), v.substring(bar + 1)));
    }

    /**
     * An older version of the document held for the same recipient is superseded by the one held
     * now: it could only ever be rejected as stale, so it is at once, and held state grows with
     * documents that wait, not with their versions.
     */
    private void supersede(
            Decision d, String pseudonym, CanonicalDocument doc, SourceSystem target) {
        for (KeyValue<String, byte[]> e : d.held.prefix(pseudonym + "|")) {
            JsonNode older = readTree(e.value);
            JsonNode document = older.path("document");
            if (older.path("target").asText().equals(target.id())
                    && document.path("documentId").asText().equals(doc.documentId())
                    && document.path("version").asLong() < doc.version()) {
                d.held.delete(e.key);
                audit(
                        d,
                        pseudonym,
                        AuditChain.Action.REJECTED,
                        documentIn(older),
                        target,
                        List.of(),
                        "STALE_VERSION");
            }
        }
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

    private static int size(Record<byte[], byte[]> r) {
        int size =
                (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
        for (Header h : r.headers()) {
            size += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        return size;
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

    /** JSON: a tree, or a record such as a young person's. */
    private static byte[] bytes(Object json) {
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
