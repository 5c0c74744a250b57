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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.admin.Admin;
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
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(IN, 1, (short) 1),
                                    new NewTopic(OUT, 3, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
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
        KafkaClients clients =
                new KafkaClients(TestProps.hub(servers, false, null), Optional.empty());

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            KafkaComponent kafka = new KafkaComponent();
            kafka.getConfiguration().setBrokers(servers);
            camel.addComponent("kafka", kafka);
            camel.getRegistry().bind("stageCommitFactory", new StageCommitFactory());
            camel.getPropertiesComponent()
                    .setInitialProperties(
                            props(
                                    "it.in", IN,
                                    "hub.kafka.group-prefix", "it-eos",
                                    "hub.stage.max-batch", "500",
                                    "hub.stage.poll-timeout-ms", "100",
                                    "hub.stage.consumers", "1"));
            TransactionalStage stage =
                    new TransactionalStage("it-eos", copyAndFailOnce, clients, 200);
            camel.addService(stage);
            camel.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from(StageEndpoints.batchInput("it.in", "it-eos"))
                                    .routeId("it-eos")
                                    .process(stage);
                        }
                    });
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
