package dk.youthhub.hub.stage;

import static dk.youthhub.hub.support.Records.text;
import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedKafka;
import dk.youthhub.hub.support.TestProps;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Proves the stage's exactly-once effect on a real broker: a transaction that fails after some of
 * its outputs were written is aborted, the inputs are re-read, and a read_committed reader sees
 * every output exactly once (a read_uncommitted reader sees the aborted attempt too).
 */
class TransactionalStageIT {
    private static final int RECORDS = 300;
    private static final int FAIL_AT = 100;
    private static final String IN = "it-eos.in";
    private static final String OUT = "it-eos.out";

    @Test
    void aFailedTransactionIsAbortedAndRetriedWithoutLossOrDuplicates() throws Exception {
        String servers = SharedKafka.bootstrapServers();
        Records.createTopics(
                servers, new NewTopic(IN, 1, (short) 1), new NewTopic(OUT, 3, (short) 1));
        Records.sendAll(
                servers,
                IN,
                IntStream.range(0, RECORDS).mapToObj(TransactionalStageIT::value).toList());
        AtomicBoolean failed = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        RecordTransformer copyAndFailOnce =
                in -> {
                    if (calls.incrementAndGet() == FAIL_AT && failed.compareAndSet(false, true)) {
                        // the outputs of this transaction so far are on the broker, uncommitted
                        Records.readUntil(
                                servers, OUT, "read_uncommitted", rs -> rs.size() >= FAIL_AT - 1);
                        throw new TransientStageException("injected", null);
                    }
                    return List.of(new ProducerRecord<>(OUT, in.key(), in.value()));
                };
        try (DefaultCamelContext camel =
                instance(servers, "test-instance", IN, "it-eos", copyAndFailOnce)) {
            camel.start();

            List<ConsumerRecord<byte[], byte[]>> committed =
                    Records.readUntil(servers, OUT, "read_committed", rs -> rs.size() >= RECORDS);
            assertThat(failed).isTrue();
            assertThat(committed.stream().map(r -> text(r.value())).sorted().toList())
                    .as("every input exactly once")
                    .isEqualTo(
                            IntStream.range(0, RECORDS).mapToObj(i -> "v" + i).sorted().toList());
            assertThat(Records.readAll(servers, OUT)).hasSize(RECORDS);

            List<ConsumerRecord<byte[], byte[]>> raw =
                    Records.readUntil(servers, OUT, "read_uncommitted", rs -> rs.size() > RECORDS);
            Map<String, Long> attempts =
                    raw.stream()
                            .collect(
                                    Collectors.groupingBy(
                                            r -> text(r.value()), Collectors.counting()));
            assertThat(attempts.values())
                    .as("the aborted attempt's outputs were written, then aborted")
                    .contains(2L);
        }
    }

    @Test
    void twoInstancesShareTheWorkAndAStoppedOneLosesAndDuplicatesNothing() throws Exception {
        String servers = SharedKafka.bootstrapServers();
        String in = "it-eos2.in";
        String out = "it-eos2.out";
        int records = 3000;
        Records.createTopics(
                servers, new NewTopic(in, 6, (short) 1), new NewTopic(out, 6, (short) 1));
        Records.sendAll(
                servers,
                in,
                IntStream.range(0, records).mapToObj(TransactionalStageIT::value).toList());
        AtomicInteger byA = new AtomicInteger();
        AtomicInteger byB = new AtomicInteger();
        CountDownLatch aIsMidBatch = new CountDownLatch(1);
        CountDownLatch stopRequested = new CountDownLatch(1);
        RecordTransformer copyA =
                r -> {
                    if (byA.incrementAndGet() == 50) {
                        aIsMidBatch.countDown();
                        try {
                            stopRequested.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return List.of(new ProducerRecord<>(out, r.key(), r.value()));
                };
        RecordTransformer copyB =
                r -> {
                    byB.incrementAndGet();
                    return List.of(new ProducerRecord<>(out, r.key(), r.value()));
                };

        try (DefaultCamelContext a = instance(servers, "instance-a", in, "it-eos2", copyA);
                DefaultCamelContext b = instance(servers, "instance-b", in, "it-eos2", copyB)) {
            a.start(); // alone in the group: all partitions are a's
            assertThat(aIsMidBatch.await(60, TimeUnit.SECONDS)).isTrue();
            b.start(); // joins; gets partitions once a lets go of them
            // stop a while it holds an open transaction: it finishes that batch, then b takes over
            Thread stopper = new Thread(a::stop);
            stopper.start();
            stopRequested.countDown();
            stopper.join(60_000);

            List<ConsumerRecord<byte[], byte[]>> all =
                    Records.readUntil(servers, out, "read_committed", rs -> rs.size() >= records);
            assertThat(all.stream().map(r -> text(r.value())).sorted().toList())
                    .as("every input exactly once")
                    .isEqualTo(
                            IntStream.range(0, records).mapToObj(i -> "v" + i).sorted().toList());
            assertThat(Records.readAll(servers, out)).hasSize(records);
            assertThat(byA.get())
                    .as("a worked before it stopped")
                    .isGreaterThanOrEqualTo(50)
                    .isLessThan(records);
            assertThat(byB.get()).as("b took over the rest").isPositive();
        }
    }

    private static DefaultCamelContext instance(
            String servers,
            String instanceId,
            String topic,
            String stageId,
            RecordTransformer transformer)
            throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        KafkaComponent kafka = new KafkaComponent();
        kafka.getConfiguration().setBrokers(servers);
        camel.addComponent("kafka", kafka);
        camel.getRegistry().bind("stageCommitFactory", new StageCommitFactory());
        camel.getPropertiesComponent()
                .setInitialProperties(
                        props(
                                "it.in", topic,
                                "hub.kafka.group-prefix", stageId,
                                "hub.stage.max-batch", "200",
                                "hub.stage.poll-timeout-ms", "100",
                                "hub.stage.consumers", "1"));
        KafkaClients clients =
                new KafkaClients(
                        TestProps.bind(
                                Map.of(
                                        "KAFKA_BOOTSTRAP_SERVERS",
                                        servers,
                                        "HUB_INSTANCE_ID",
                                        instanceId)),
                        Optional.empty());
        TransactionalStage stage = new TransactionalStage(stageId, transformer, clients, 200);
        camel.addService(stage);
        camel.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(StageEndpoints.batchInput("it.in", stageId))
                                .routeId(stageId)
                                .process(stage);
                    }
                });
        return camel;
    }

    private static byte[] value(int i) {
        return ("v" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static java.util.Properties props(String... kv) {
        java.util.Properties p = new java.util.Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }
}
