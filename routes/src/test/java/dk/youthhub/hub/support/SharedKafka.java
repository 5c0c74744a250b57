package dk.youthhub.hub.support;

import java.io.File;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.FileSystemUtils;

/**
 * One real in-JVM KRaft broker for all integration tests of a run. Single broker: the transaction
 * state log needs replication factor 1 and min. ISR 1, or transactions hang. The hub's {@code
 * hub.kafka.bootstrap-servers} is pointed at it before any Spring context starts.
 */
public final class SharedKafka {
    private static EmbeddedKafkaKraftBroker broker;

    private SharedKafka() {}

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            // state of an earlier run belongs to an earlier broker: Kafka Streams would restore it
            FileSystemUtils.deleteRecursively(new File("target/it-data"));
            broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperties(
                    Map.of(
                            "transaction.state.log.replication.factor", "1",
                            "transaction.state.log.min.isr", "1",
                            "transaction.state.log.num.partitions", "4",
                            "offsets.topic.replication.factor", "1",
                            "offsets.topic.num.partitions", "4",
                            "group.initial.rebalance.delay.ms", "0"));
            broker.afterPropertiesSet();
            System.setProperty("hub.kafka.bootstrap-servers", broker.getBrokersAsString());
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        }
        return broker.getBrokersAsString();
    }
}
