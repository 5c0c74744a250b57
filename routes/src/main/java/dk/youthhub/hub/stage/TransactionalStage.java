package dk.youthhub.hub.stage;

import dk.youthhub.hub.kafka.KafkaClients;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consume, transform and produce with exactly-once effect. One Camel batch (one poll) is one Kafka
 * transaction: every output of every record of the batch and the batch's input offsets are
 * committed together ({@code sendOffsetsToTransaction} with the consumer's group metadata, so a
 * zombie instance is fenced), or none is. On failure the transaction is aborted, the consumer is
 * rewound to the batch's first offsets and the batch is retried after a backoff; a record's offset
 * never moves on before its output or dead letter is durably written.
 *
 * <p>Runs on the consumer's own polling thread (camel-kafka processes batches synchronously), which
 * is what makes using the consumer here safe.
 */
public final class TransactionalStage extends ServiceSupport implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalStage.class);
    private static final long FIRST_BACKOFF_MS = 100;

    private final String stageId;
    private final RecordTransformer transformer;
    private final KafkaClients clients;
    private final long maxBackoffMs;

    /** One producer per polling thread: camel-kafka reconnects a consumer on the same thread. */
    private final Map<Thread, Producer<byte[], byte[]>> producers = new ConcurrentHashMap<>();

    private final Map<Thread, Long> backoff = new ConcurrentHashMap<>();

    public TransactionalStage(
            String stageId,
            RecordTransformer transformer,
            KafkaClients clients,
            long maxBackoffMs) {
        this.stageId = stageId;
        this.transformer = transformer;
        this.clients = clients;
        this.maxBackoffMs = maxBackoffMs;
    }

    @Override
    public void process(Exchange batchExchange) throws InterruptedException {
        List<?> batch = batchExchange.getMessage().getBody(List.class);
        if (batch == null || batch.isEmpty()) {
            return;
        }
        List<InboundRecord> records = batch.stream().map(e -> record((Exchange) e)).toList();
        Consumer<?, ?> consumer = consumerOf((Exchange) batch.get(0));
        Map<TopicPartition, Long> firstOffsets = new LinkedHashMap<>();
        Map<TopicPartition, OffsetAndMetadata> nextOffsets = new HashMap<>();
        for (InboundRecord r : records) {
            firstOffsets.putIfAbsent(r.topicPartition(), r.offset());
            nextOffsets.put(r.topicPartition(), new OffsetAndMetadata(r.offset() + 1));
        }
        Producer<byte[], byte[]> producer = null;
        try {
            producer =
                    producers.computeIfAbsent(
                            Thread.currentThread(), c -> clients.transactionalProducer(stageId));
            producer.beginTransaction();
            for (InboundRecord r : records) {
                for (ProducerRecord<byte[], byte[]> out : transformer.transform(r)) {
                    producer.send(out);
                }
            }
            producer.sendOffsetsToTransaction(nextOffsets, consumer.groupMetadata());
            producer.commitTransaction();
            backoff.remove(Thread.currentThread());
        } catch (TransientStageException | RuntimeException e) {
            fail(consumer, producer, firstOffsets, e);
        }
    }

    private void fail(
            Consumer<?, ?> consumer,
            Producer<byte[], byte[]> producer,
            Map<TopicPartition, Long> firstOffsets,
            Exception cause)
            throws InterruptedException {
        // Kafka's and the stage's exception messages name topics and states, never record content.
        LOG.warn(
                "Stage {}: batch of {} partition(s) not committed, will retry: {}",
                stageId,
                firstOffsets.size(),
                cause.toString());
        LOG.debug("Stage {}: failure detail", stageId, cause);
        if (producer != null) {
            if (isFatalForProducer(cause)) {
                discard(producer);
            } else {
                try {
                    producer.abortTransaction();
                } catch (KafkaException | IllegalStateException abortFailed) {
                    discard(producer);
                }
            }
        }
        firstOffsets.forEach(
                (tp, offset) -> {
                    if (consumer.assignment().contains(tp)) {
                        consumer.seek(tp, offset);
                    }
                });
        long wait =
                backoff.merge(
                        Thread.currentThread(),
                        FIRST_BACKOFF_MS,
                        (a, b) -> Math.min(a * 2, maxBackoffMs));
        Thread.sleep(wait);
    }

    private static boolean isFatalForProducer(Exception e) {
        return e instanceof ProducerFencedException
                || e instanceof InvalidProducerEpochException
                || e instanceof OutOfOrderSequenceException
                || e instanceof AuthorizationException
                || e instanceof UnsupportedVersionException;
    }

    private void discard(Producer<byte[], byte[]> producer) {
        producers.remove(Thread.currentThread(), producer);
        try {
            producer.close();
        } catch (KafkaException ignored) {
            // closing a broken producer; a new one is made for the retry
        }
    }

    private static Consumer<?, ?> consumerOf(Exchange e) {
        Object handle = e.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT);
        if (handle instanceof StageCommitFactory.StageHandle h) {
            return h.consumer();
        }
        throw new IllegalStateException(
                "a stage needs kafkaManualCommitFactory=#stageCommitFactory on its endpoint");
    }

    private static InboundRecord record(Exchange e) {
        Message m = e.getMessage();
        return new InboundRecord(
                m.getHeader(KafkaConstants.TOPIC, String.class),
                m.getHeader(KafkaConstants.PARTITION, Integer.class),
                m.getHeader(KafkaConstants.OFFSET, Long.class),
                m.getHeader(KafkaConstants.TIMESTAMP, Long.class),
                m.getHeader(KafkaConstants.KEY, byte[].class),
                m.getBody(byte[].class),
                m.getHeader(KafkaConstants.HEADERS, Headers.class));
    }

    @Override
    protected void doStop() {
        producers.values().forEach(Producer::close);
        producers.clear();
    }
}
