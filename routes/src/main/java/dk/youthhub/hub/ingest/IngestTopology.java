package dk.youthhub.hub.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.inbound.InboundTransformer;
import dk.youthhub.hub.kafka.CloudEvents;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.streams.Notice;
import dk.youthhub.hub.streams.PoisonRecords;
import dk.youthhub.hub.streams.SeenWindow;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The ingest stage: each connector's native events to canonical records, once per event. A
 * connector's mapper runs where the event is read; canonical records are then repartitioned by the
 * young person's pseudonym (an internal topic Kafka Streams creates and purges), where one task
 * owns each young person and remembers the event ids it has let through for the dedupe window.
 * Outputs, dead letters, the dedupe state and the input offsets commit together ({@code
 * exactly_once_v2}).
 */
public final class IngestTopology {
    public static final String SEEN = "ingest-seen";

    /** Carries the event's identity across the internal topic; never on a canonical record. */
    static final String EVENT = "hub_event";

    private IngestTopology() {}

    enum Kind {
        CANONICAL,
        DEAD_LETTER,
        NOTICE
    }

    /** A mapped record and where it goes. */
    record Routed(Kind kind, byte[] value) {}

    /**
     * @param transformers each inbound topic's transformer
     */
    public static Topology build(
            Map<String, InboundTransformer> transformers,
            Topics topics,
            DeadLetters deadLetters,
            PoisonRecords poison,
            Duration dedupeWindow,
            int maxRecordBytes,
            Clock clock) {
        StreamsBuilder b = new StreamsBuilder();
        b.addStateStore(SeenWindow.store(SEEN, dedupeWindow));
        KStream<byte[], Routed> mapped = null;
        for (Map.Entry<String, InboundTransformer> e : transformers.entrySet()) {
            String replays = "replays-" + e.getKey();
            b.addStateStore(SeenWindow.store(replays, dedupeWindow));
            KStream<byte[], Routed> one =
                    b.stream(e.getKey(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                            .process(
                                    () ->
                                            new MapProcessor(
                                                    e.getValue(),
                                                    deadLetters,
                                                    poison,
                                                    maxRecordBytes,
                                                    new SeenWindow(replays, dedupeWindow, clock)),
                                    Named.as("map-" + e.getKey()),
                                    replays);
            mapped = mapped == null ? one : mapped.merge(one);
        }
        Produced<byte[], byte[]> bytes = Produced.with(Serdes.ByteArray(), Serdes.ByteArray());
        mapped.split(Named.as("ingest-"))
                .branch(
                        (k, v) -> v.kind() == Kind.CANONICAL,
                        Branched.withConsumer(
                                s ->
                                        s.mapValues(Routed::value)
                                                .repartition(
                                                        Repartitioned.with(
                                                                        Serdes.ByteArray(),
                                                                        Serdes.ByteArray())
                                                                .withName("by-young-person"))
                                                .process(
                                                        () ->
                                                                new DedupeProcessor(
                                                                        new SeenWindow(
                                                                                SEEN,
                                                                                dedupeWindow,
                                                                                clock)),
                                                        Named.as("dedupe"),
                                                        SEEN)
                                                .to(canonicalTopic(topics), bytes)))
                .branch(
                        (k, v) -> v.kind() == Kind.DEAD_LETTER,
                        Branched.withConsumer(
                                s -> s.mapValues(Routed::value).to(topics.deadLetter(), bytes)))
                .defaultBranch(
                        Branched.withConsumer(
                                s -> s.mapValues(Routed::value).to(topics.notices(), bytes)));
        return b.build();
    }

    /**
     * A canonical record to its type's topic; a {@code DUPLICATE} outcome (no {@code ce_type}) to
     * the outcomes topic of the system in its {@code ce_source}.
     */
    private static TopicNameExtractor<byte[], byte[]> canonicalTopic(Topics topics) {
        return (key, value, context) -> {
            Header typeHeader = context.headers().lastHeader(CloudEvents.TYPE);
            if (typeHeader == null) {
                return topics.outcomes(
                                SourceSystem.of(
                                        new String(
                                                context.headers()
                                                        .lastHeader(CloudEvents.SOURCE)
                                                        .value(),
                                                StandardCharsets.UTF_8)))
                        .orElseThrow(() -> new IllegalStateException("no outcomes topic"));
            }
            String type = new String(typeHeader.value(), StandardCharsets.UTF_8);
            return Arrays.stream(DocumentType.values())
                    .filter(t -> t.cloudEventType().equals(type))
                    .findFirst()
                    .map(topics::canonical)
                    .orElseThrow(() -> new IllegalStateException("no canonical topic for a type"));
        };
    }

    /** One connector's mapping: canonical records, or a dead letter and its audit record. */
    static final class MapProcessor implements Processor<byte[], byte[], byte[], Routed> {
        private final InboundTransformer transformer;
        private final DeadLetters deadLetters;
        private final PoisonRecords poison;
        private final int maxRecordBytes;
        private final SeenWindow replays;
        private ProcessorContext<byte[], Routed> context;

        MapProcessor(
                InboundTransformer transformer,
                DeadLetters deadLetters,
                PoisonRecords poison,
                int maxRecordBytes,
                SeenWindow replays) {
            this.transformer = transformer;
            this.deadLetters = deadLetters;
            this.poison = poison;
            this.maxRecordBytes = maxRecordBytes;
            this.replays = replays;
        }

        @Override
        public void init(ProcessorContext<byte[], Routed> context) {
            this.context = context;
            replays.init(context);
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            RecordMetadata m = context.recordMetadata().orElseThrow();
            DeadLetters.Source source =
                    new DeadLetters.Source(
                            m.topic(), m.partition(), m.offset(), record.key(), record.value());
            Optional<PoisonRecords.Verdict> refused =
                    poison.take(m.topic(), m.partition(), m.offset());
            if (refused.isPresent()) {
                deadLetter(source, record, refused.get().reason(), null, refused.get().omitValue());
                return;
            }
            Header replayOf = record.headers().lastHeader(DeadLetters.REPLAY_OF);
            if (replayOf != null
                    && !replays.firstTime(new String(replayOf.value(), StandardCharsets.UTF_8))) {
                return; // a replay is processed once
            }
            Header rowError =
                    transformer.hubWritten()
                            ? record.headers().lastHeader(DeadLetters.SOURCE_ERROR)
                            : null;
            InboundTransformer.Outcome outcome =
                    rowError != null
                            ? new InboundTransformer.Rejected(
                                    DeadLetters.Reason.of(
                                            ErrorCode.MALFORMED,
                                            new String(rowError.value(), StandardCharsets.UTF_8)))
                            : transformer.transform(
                                    source.position(), record.value(), record.timestamp());
            if (outcome instanceof InboundTransformer.Canonical c
                    && c.value().length > maxRecordBytes - DeadLetters.ENVELOPE_BYTES) {
                outcome =
                        new InboundTransformer.Rejected(
                                DeadLetters.Reason.of(
                                        ErrorCode.TOO_LARGE,
                                        "the canonical document is "
                                                + c.value().length
                                                + " bytes, over the record limit"));
            }
            if (outcome instanceof InboundTransformer.Canonical c) {
                RecordHeaders h = c.headers();
                h.add(EVENT, c.eventKey().getBytes(StandardCharsets.UTF_8));
                context.forward(
                        new Record<>(
                                c.pseudonym().getBytes(StandardCharsets.UTF_8),
                                new Routed(Kind.CANONICAL, c.value()),
                                record.timestamp(),
                                h));
            } else if (outcome instanceof InboundTransformer.Rejected r) {
                deadLetter(source, record, r.reason(), r.mapped(), false);
            }
        }

        /** A hub-written input keeps where in a drop file it came from; no other header is kept. */
        private void deadLetter(
                DeadLetters.Source source,
                Record<byte[], byte[]> record,
                DeadLetters.Reason reason,
                InboundTransformer.Mapped mapped,
                boolean omit) {
            String pseudonym = mapped == null ? null : mapped.pseudonym();
            DeadLetters.Letter l = deadLetters.letter(source, pseudonym, reason, omit);
            if (transformer.hubWritten()) {
                for (String name : DeadLetters.KEPT_SOURCE_HEADERS) {
                    Header h = record.headers().lastHeader(name);
                    if (h != null) {
                        l.headers().add(name, h.value());
                    }
                }
            }
            context.forward(
                    new Record<>(
                            l.key(),
                            new Routed(Kind.DEAD_LETTER, l.value()),
                            l.timestamp(),
                            l.headers()));
            Notice notice =
                    new Notice(
                            AuditChain.Action.DEAD_LETTERED,
                            null,
                            mapped == null ? null : mapped.documentId(),
                            mapped == null ? null : mapped.documentType(),
                            mapped == null ? null : mapped.documentVersion(),
                            transformer.system(),
                            reason.target(),
                            reason.code().name(),
                            mapped == null ? null : mapped.eventId());
            context.forward(
                    new Record<>(
                            l.key(),
                            new Routed(Kind.NOTICE, notice.bytes()),
                            l.timestamp(),
                            new RecordHeaders()));
        }
    }

    /**
     * Lets an event through once: the first time its source system and event id are seen within the
     * window. The "seen" mark commits with the canonical record it lets through.
     */
    static final class DedupeProcessor implements Processor<byte[], byte[], byte[], byte[]> {
        private final SeenWindow seen;
        private ProcessorContext<byte[], byte[]> context;

        DedupeProcessor(SeenWindow seen) {
            this.seen = seen;
        }

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
            seen.init(context);
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            Header event = record.headers().lastHeader(EVENT);
            record.headers().remove(EVENT);
            if (event == null) {
                context.forward(record);
                return;
            }
            String key = new String(event.value(), StandardCharsets.UTF_8);
            if (seen.firstTime(key)) {
                context.forward(record);
                return;
            }
            // the same event again: one canonical record per event, and the sender is told
            int bar = key.indexOf('|');
            ObjectNode o = CanonicalJson.mapper().createObjectNode();
            o.put("event_id", key.substring(bar + 1));
            o.put("outcome", "DUPLICATE");
            o.put("time", Instant.ofEpochMilli(context.currentSystemTimeMs()).toString());
            RecordHeaders h = new RecordHeaders();
            h.add(CloudEvents.SOURCE, key.substring(0, bar).getBytes(StandardCharsets.UTF_8));
            try {
                context.forward(
                        new Record<>(
                                record.key(),
                                CanonicalJson.mapper().writeValueAsBytes(o),
                                record.timestamp(),
                                h));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("an outcome could not be written", e);
            }
        }
    }
}
