package dk.youthhub.hub.metrics;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * {@code hub.consumer.lag{group,topic}}: for each of the hub's consumer groups ({@code
 * <group-prefix>.*}) and topic, the records between its committed offsets and the partitions' ends,
 * measured every 15 s. A partition last written in a transaction shows 1 while idle: its commit
 * marker counts as an offset.
 */
@Component
public class ConsumerLag implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLag.class);
    static final long INTERVAL_SECONDS = 15;

    private final KafkaClients clients;
    private final String prefix;
    private final MultiGauge gauge;
    private volatile Map<String, Map<String, Long>> latest = Map.of();
    private ScheduledExecutorService timer;

    public ConsumerLag(KafkaClients clients, HubProperties props, MeterRegistry meters) {
        this.clients = clients;
        this.prefix = props.kafka().groupPrefix() + ".";
        this.gauge =
                MultiGauge.builder("hub.consumer.lag")
                        .description("records a consumer group of the hub has not yet processed")
                        .register(meters);
    }

    /** The last measurement: group → topic → records behind. */
    public Map<String, Map<String, Long>> lag() {
        return latest;
    }

    /** Measures now. */
    public Map<String, Map<String, Long>> measure() throws Exception {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        try (Admin admin = clients.admin()) {
            List<String> groups = new ArrayList<>();
            for (ConsumerGroupListing g :
                    admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                if (g.groupId().startsWith(prefix)) {
                    groups.add(g.groupId());
                }
            }
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata()
                                .get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
                committed.keySet().forEach(tp -> ask.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                        admin.listOffsets(ask).all().get(30, TimeUnit.SECONDS);
                Map<String, Long> byTopic = new TreeMap<>();
                committed.forEach(
                        (tp, offset) -> {
                            if (offset != null && ends.containsKey(tp)) {
                                byTopic.merge(
                                        tp.topic(),
                                        Math.max(0, ends.get(tp).offset() - offset.offset()),
                                        Long::sum);
                            }
                        });
                out.put(group, byTopic);
            }
        }
        return out;
    }

    private void tick() {
        try {
            Map<String, Map<String, Long>> now = measure();
            latest = now;
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            now.forEach(
                    (group, topics) ->
                            topics.forEach(
                                    (topic, lag) ->
                                            rows.add(
                                                    MultiGauge.Row.of(
                                                            Tags.of("group", group, "topic", topic),
                                                            lag))));
            gauge.register(rows, true);
        } catch (Exception e) {
            LOG.warn("Consumer lag could not be measured: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "consumer-lag");
                            t.setDaemon(true);
                            return t;
                        });
        timer.scheduleWithFixedDelay(this::tick, 5, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
