package dk.youthhub.hub.fault;

import dk.youthhub.hub.kafka.EmbeddedKafkaServer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A Kafka broker (KRaft, the hub's embedded one) in a process of its own, for tests that stop and
 * start the broker: {@code BrokerMain <log dir> <port> <controller port>}.
 */
public final class BrokerMain {

    private BrokerMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaServer broker =
                new EmbeddedKafkaServer(
                        Path.of(args[0]),
                        "127.0.0.1",
                        Integer.parseInt(args[1]),
                        Integer.parseInt(args[2]),
                        true);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        broker.start();
        new CountDownLatch(1).await();
    }
}
