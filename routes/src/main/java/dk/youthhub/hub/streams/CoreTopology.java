package dk.youthhub.hub.streams;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.core.AuditSigning;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.kafka.Topics;
import java.time.Clock;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The core stage's topology: the canonical topics, notices and registrations in; deliveries, held,
 * audit and the documents the hub authors (form, milestones) out.
 */
public final class CoreTopology {
    private static final String SOURCE = "canonical";
    private static final String PROCESSOR = "core";

    private CoreTopology() {}

    public static Topology build(
            HubProperties props,
            Topics topics,
            Systems systems,
            AuditSigning signing,
            Runnable receiptNotCounted,
            dk.youthhub.hub.core.CoreListener audited,
            PoisonRecords poison,
            Clock clock) {
        HubProperties.Core core = props.core();
        Topology t = new Topology();
        t.addSource(
                SOURCE,
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer(),
                java.util.stream.Stream.concat(
                                topics.canonicalTopics().stream(),
                                java.util.stream.Stream.of(
                                        topics.notices(), topics.registrations()))
                        .toArray(String[]::new));
        t.addProcessor(
                PROCESSOR,
                () ->
                        new CoreProcessor(
                                systems.routingPolicy(),
                                systems.minimisation(),
                                systems.registry(),
                                topics,
                                new DeadLetters(topics, clock, props),
                                poison,
                                clock,
                                new CoreProcessor.Settings(
                                        core.heldRetention(),
                                        core.releaseCheckInterval(),
                                        props.dedupe().window(),
                                        props.limits().maxPayloadBytes(),
                                        props.limits().maxRecordBytes(),
                                        props.receipts().timeout(),
                                        props.receipts().checkInterval(),
                                        core.erasureAfterYears()),
                                signing,
                                outcomeSources(systems, topics),
                                receiptNotCounted,
                                audited),
                SOURCE);
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(CoreProcessor.CONSENTS),
                        Serdes.String(),
                        Serdes.ByteArray()),
                PROCESSOR);
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(CoreProcessor.VERSIONS),
                        Serdes.String(),
                        Serdes.String()),
                PROCESSOR);
        // seen event ids, kept for the dedupe window: old segments are dropped whole
        t.addStateStore(SeenWindow.store(CoreProcessor.SEEN, props.dedupe().window()), PROCESSOR);
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(CoreProcessor.HELD),
                        Serdes.String(),
                        Serdes.ByteArray()),
                PROCESSOR);
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(CoreProcessor.DISPATCHES),
                        Serdes.String(),
                        Serdes.ByteArray()),
                PROCESSOR);
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(CoreProcessor.AUDIT_HEAD),
                        Serdes.String(),
                        Serdes.String()),
                PROCESSOR);
        for (String store : java.util.List.of(CoreProcessor.YOUTH, CoreProcessor.LATEST)) {
            t.addStateStore(
                    Stores.keyValueStoreBuilder(
                            Stores.persistentKeyValueStore(store),
                            Serdes.String(),
                            Serdes.ByteArray()),
                    PROCESSOR);
        }
        for (DocumentType authored :
                java.util.List.of(DocumentType.GOAL_AGREEMENT, DocumentType.MILESTONE)) {
            t.addSink(
                    CoreProcessor.authoredSink(authored),
                    topics.canonical(authored),
                    new ByteArraySerializer(),
                    new ByteArraySerializer(),
                    PROCESSOR);
        }
        for (Systems.HubSystem target : systems.enabled()) {
            t.addSink(
                    CoreProcessor.deliverySink(target.system()),
                    topics.deliveries(target.system()),
                    new ByteArraySerializer(),
                    new ByteArraySerializer(),
                    PROCESSOR);
        }
        for (Systems.HubSystem source : systems.enabled()) {
            topics.outcomes(source.system())
                    .ifPresent(
                            topic ->
                                    t.addSink(
                                            CoreProcessor.outcomeSink(source.system()),
                                            topic,
                                            new ByteArraySerializer(),
                                            new ByteArraySerializer(),
                                            PROCESSOR));
        }
        t.addSink(
                CoreProcessor.HELD_SINK,
                topics.held(),
                new ByteArraySerializer(),
                new ByteArraySerializer(),
                PROCESSOR);
        t.addSink(
                CoreProcessor.AUDIT_SINK,
                topics.audit(),
                new ByteArraySerializer(),
                new ByteArraySerializer(),
                PROCESSOR);
        t.addSink(
                CoreProcessor.DISPATCH_INDEX_SINK,
                topics.dispatchIndex(),
                new ByteArraySerializer(),
                new ByteArraySerializer(),
                PROCESSOR);
        t.addSink(
                CoreProcessor.UNACKNOWLEDGED_SINK,
                topics.unacknowledged(),
                new ByteArraySerializer(),
                new ByteArraySerializer(),
                PROCESSOR);
        t.addSink(
                CoreProcessor.WITHDRAWAL_SINK,
                topics.withdrawals(),
                new ByteArraySerializer(),
                new ByteArraySerializer(),
                PROCESSOR);
        t.addSink(
                CoreProcessor.DEAD_LETTER_SINK,
                topics.deadLetter(),
                new ByteArraySerializer(),
                new ByteArraySerializer(),
                PROCESSOR);
        return t;
    }

    private static java.util.Set<String> outcomeSources(Systems systems, Topics topics) {
        return systems.enabled().stream()
                .filter(s -> topics.outcomes(s.system()).isPresent())
                .map(Systems.HubSystem::id)
                .collect(java.util.stream.Collectors.toSet());
    }
}
