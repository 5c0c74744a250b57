package dk.youthhub.hub.delivery;

import dk.youthhub.connector.ErrorCode;
import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.kafka.CloudEvents;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.KafkaReads;
import dk.youthhub.hub.streams.Notice;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A delivery stage: reads a recipient's deliveries topic and hands each record to a {@link
 * Deliverer} (an HTTP POST), outside any Kafka transaction. It owns its poll loop:
 *
 * <ul>
 *   <li>Each partition is delivered in order by one worker at a time; partitions are delivered in
 *       parallel (up to {@code concurrency}). A partition is paused while its worker runs, and the
 *       loop keeps polling, so the consumer stays in its group however long a recipient is down.
 *   <li>Finished records are committed as they finish: the offsets, with the dead letters of the
 *       records that failed, in one Kafka transaction. A crash repeats a POST at most, which the
 *       {@code Idempotency-Key} makes harmless.
 *   <li>On any Kafka failure the transaction is aborted, every worker is stopped, every assigned
 *       partition is sought back to its committed offset and nothing buffered is kept.
 *   <li>On a rebalance, what is finished is committed and the revoked partitions' workers are
 *       stopped before the partitions go.
 * </ul>
 */
public final class DeliveryStage implements SmartLifecycle {
    /** How long a poll waits while a worker runs: its partition resumes when the poll returns. */
    private static final long BUSY_POLL_MS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStage.class);
    private static final long FIRST_BACKOFF_MS = 100;

    /**
     * @param stageId the stage's name, the last part of its consumer group
     * @param recipient the system delivered to, named in the dead letters
     * @param workerStopMs how long a stopped worker may take to end (its call's timeout)
     */
    public record Settings(
            String stageId,
            String recipient,
            String topic,
            int maxBatch,
            int concurrency,
            long pollTimeoutMs,
            long maxRetryBackoffMs,
            long workerStopMs,
            String noticesTopic) {}

    private final Settings settings;
    private final Deliverer deliverer;
    private final KafkaClients clients;
    private final DeadLetters deadLetters;
    private final AtomicInteger workerNumber = new AtomicInteger();
    private volatile boolean running;
    private volatile String state = "NOT_RUNNING";
    private volatile Consumer<byte[], byte[]> consumer;
    private Thread loop;
    private ExecutorService workers;

    /** Only the poll thread touches these. */
    private final Map<TopicPartition, Worker> busy = new HashMap<>();

    private Producer<byte[], byte[]> producer;

    public DeliveryStage(
            Settings settings, Deliverer deliverer, KafkaClients clients, DeadLetters deadLetters) {
        this.settings = settings;
        this.deliverer = deliverer;
        this.clients = clients;
        this.deadLetters = deadLetters;
    }

    /** {@code RUNNING}, {@code RECOVERING} after a Kafka failure, or {@code NOT_RUNNING}. */
    public String state() {
        return state;
    }

    private record Done(ConsumerRecord<byte[], byte[]> record, Deliverer.Result result) {}

    /** Delivers one partition's records of one poll, in order. */
    private final class Worker implements Runnable {
        final List<ConsumerRecord<byte[], byte[]>> records;
        final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
        final CountDownLatch ended = new CountDownLatch(1);
        volatile boolean stopped;
        volatile Thread thread;

        Worker(List<ConsumerRecord<byte[], byte[]>> records) {
            this.records = records;
        }

        @Override
        public void run() {
            thread = Thread.currentThread();
            try {
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (stopped) {
                        return;
                    }
                    done.add(new Done(r, deliverOne(r)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                thread = null;
                ended.countDown();
            }
        }

        boolean finished() {
            return ended.getCount() == 0;
        }

        void stop() throws InterruptedException {
            stopped = true;
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
            if (!ended.await(settings.workerStopMs(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Stage {}: a worker did not stop in time", settings.stageId());
            }
        }
    }

    private Deliverer.Result deliverOne(ConsumerRecord<byte[], byte[]> r)
            throws InterruptedException {
        try {
            return deliverer.deliver(r);
        } catch (RuntimeException defect) {
            // A defect, not the recipient's answer: keep the delivery for replay after a fix.
            LOG.error(
                    "Stage {}: unexpected {} delivering {}/{}@{}",
                    settings.stageId(),
                    defect.getClass().getName(),
                    r.topic(),
                    r.partition(),
                    r.offset());
            return new Deliverer.Failed(
                    new DeadLetters.Reason(
                            ErrorCode.PROCESSING_FAILED,
                            "unexpected " + defect.getClass().getSimpleName() + " in the hub",
                            settings.recipient()));
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        workers =
                Executors.newFixedThreadPool(
                        settings.concurrency(),
                        r -> {
                            Thread t =
                                    new Thread(
                                            r,
                                            settings.stageId()
                                                    + "-"
                                                    + workerNumber.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        loop = new Thread(this::run, settings.stageId() + "-poll");
        loop.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            loop.join(settings.workerStopMs() + 30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        state = "NOT_RUNNING";
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long backoff = 0;
        while (running) {
            try (Consumer<byte[], byte[]> c =
                    clients.stageConsumer(settings.stageId(), settings.maxBatch())) {
                consumer = c;
                c.subscribe(List.of(settings.topic()), new Rebalance(c));
                state = "RUNNING";
                while (running) {
                    try {
                        poll(c);
                    } catch (WakeupException stopping) {
                        if (running) {
                            throw stopping;
                        }
                    }
                    backoff = 0;
                }
                // stopping: what the workers finished is committed, the rest is delivered again
                stopAll(busy.values());
                commitDone(c);
            } catch (KafkaException | IllegalStateException e) {
                state = "RECOVERING";
                LOG.warn(
                        "Stage {}: Kafka failed ({}), starting again from the committed offsets",
                        settings.stageId(),
                        e.toString());
                stopAll(busy.values());
                busy.clear();
                discardProducer();
                backoff =
                        backoff == 0
                                ? FIRST_BACKOFF_MS
                                : Math.min(backoff * 2, settings.maxRetryBackoffMs());
                sleep(backoff);
            } finally {
                consumer = null;
            }
        }
        discardProducer();
    }

    private void poll(Consumer<byte[], byte[]> c) {
        // a busy partition is paused until commitDone after this poll resumes it: a long wait here
        // would hold its next record back, with nothing else to do
        long wait =
                busy.isEmpty()
                        ? settings.pollTimeoutMs()
                        : Math.min(settings.pollTimeoutMs(), BUSY_POLL_MS);
        ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(wait));
        for (TopicPartition tp : records.partitions()) {
            Worker w = new Worker(records.records(tp));
            busy.put(tp, w);
            c.pause(List.of(tp));
            workers.execute(w);
        }
        commitDone(c);
    }

    /**
     * Commits what the workers have finished: the dead letters of failed records and the offsets
     * after the finished ones, in one transaction; resumes the partitions whose worker has ended.
     */
    private void commitDone(Consumer<byte[], byte[]> c) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        List<ProducerRecord<byte[], byte[]>> letters = new ArrayList<>();
        List<TopicPartition> ended = new ArrayList<>();
        for (Iterator<Map.Entry<TopicPartition, Worker>> it = busy.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<TopicPartition, Worker> e = it.next();
            boolean finished = e.getValue().finished(); // before draining: then all is drained
            for (Done d; (d = e.getValue().done.poll()) != null; ) {
                offsets.put(e.getKey(), new OffsetAndMetadata(d.record().offset() + 1));
                if (d.result() instanceof Deliverer.Failed f) {
                    letters.add(deadLetter(d.record(), f.reason()));
                }
                letters.add(notice(d));
            }
            if (finished) {
                it.remove();
                ended.add(e.getKey());
            }
        }
        if (!offsets.isEmpty()) {
            Producer<byte[], byte[]> p = producer();
            try {
                p.beginTransaction();
                letters.forEach(p::send);
                p.sendOffsetsToTransaction(offsets, c.groupMetadata());
                p.commitTransaction();
            } catch (KafkaException e) {
                abort();
                throw e;
            }
        }
        c.resume(ended.stream().filter(c.assignment()::contains).toList());
    }

    /**
     * The delivery's outcome for the young person's audit chain, which the core writes: {@code
     * DELIVERED} (the recipient's answer is its receipt) or {@code DELIVERY_FAILED}.
     */
    private ProducerRecord<byte[], byte[]> notice(Done d) {
        org.apache.kafka.common.header.Header ceId =
                d.record().headers().lastHeader(CloudEvents.ID);
        AuditChain.Action action;
        String reason;
        if (d.result() instanceof Deliverer.Failed f) {
            action = AuditChain.Action.DELIVERY_FAILED;
            reason = f.reason().code().name();
        } else if (d.result() instanceof Deliverer.Withdrawn w) {
            action = AuditChain.Action.REJECTED;
            reason = w.reason();
        } else {
            action = AuditChain.Action.DELIVERED;
            reason = null;
        }
        String version = KafkaReads.header(d.record().headers(), CloudEvents.DOCUMENT_VERSION);
        Notice n =
                new Notice(
                        action,
                        ceId == null ? null : new String(ceId.value(), StandardCharsets.UTF_8),
                        KafkaReads.header(d.record().headers(), CloudEvents.DOCUMENT_ID),
                        KafkaReads.header(d.record().headers(), CloudEvents.DOCUMENT_TYPE),
                        version == null || !version.matches("[0-9]{1,19}")
                                ? null
                                : Long.valueOf(version),
                        null,
                        settings.recipient(),
                        reason);
        return n.toRecord(
                settings.noticesTopic(),
                d.record().key() == null
                        ? DeadLetters.UNIDENTIFIED
                        : new String(d.record().key(), StandardCharsets.UTF_8));
    }

    /**
     * A delivery's dead letter keeps its {@code ce_id} (its replay is the same delivery) and the
     * headers naming its document.
     */
    private ProducerRecord<byte[], byte[]> deadLetter(
            ConsumerRecord<byte[], byte[]> r, DeadLetters.Reason reason) {
        ProducerRecord<byte[], byte[]> letter =
                deadLetters.record(
                        new DeadLetters.Source(
                                r.topic(), r.partition(), r.offset(), null, r.value()),
                        r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                        reason);
        KafkaReads.carry(r.headers(), letter.headers(), CloudEvents.DELIVERY_IDENTITY);
        return letter;
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = clients.transactionalProducer(settings.stageId());
        }
        return producer;
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException abortFailed) {
            discardProducer();
        }
    }

    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (KafkaException ignored) {
                // closing a broken producer; a new one is made when needed
            }
            producer = null;
        }
    }

    private void stopAll(Collection<Worker> ws) {
        for (Worker w : ws) {
            w.stopped = true;
        }
        for (Worker w : ws) {
            try {
                w.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Commits what is finished before partitions go; stops the workers of the ones that go. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final Consumer<byte[], byte[]> c;

        Rebalance(Consumer<byte[], byte[]> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                commitDone(c);
            } catch (KafkaException e) {
                LOG.warn(
                        "Stage {}: finished deliveries not committed before a rebalance ({}); they"
                                + " are delivered again under the same key",
                        settings.stageId(),
                        e.toString());
            }
            dropWorkers(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            dropWorkers(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

        private void dropWorkers(Collection<TopicPartition> partitions) {
            List<Worker> gone = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                Worker w = busy.remove(tp);
                if (w != null) {
                    gone.add(w);
                }
            }
            stopAll(gone);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
