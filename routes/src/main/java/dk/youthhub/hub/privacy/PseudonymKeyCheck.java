package dk.youthhub.hub.privacy;

import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.KafkaReads;
import dk.youthhub.hub.kafka.TopicInitializer;
import dk.youthhub.hub.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two hubs that share consumer groups must share the pseudonym secret, or one young person gets two
 * pseudonyms and their records two partitions and two audit chains. At start the hub compares the
 * fingerprint of its secret ({@link Pseudonymizer#fingerprint()}, never the secret) with the one
 * recorded in {@link Topics#pseudonymKey()}: it records its own when there is none, and warns
 * loudly when they differ.
 */
@Component
public class PseudonymKeyCheck {
    private static final Logger LOG = LoggerFactory.getLogger(PseudonymKeyCheck.class);
    private static final byte[] KEY = "fingerprint".getBytes(StandardCharsets.UTF_8);

    public PseudonymKeyCheck(
            Pseudonymizer pseudonymizer,
            KafkaClients clients,
            Topics topics,
            TopicInitializer topicsCreated)
            throws InterruptedException, ExecutionException, TimeoutException {
        check(pseudonymizer.fingerprint(), clients, topics).ifPresent(w -> LOG.warn("{}", w));
    }

    /** The warning to give, if the recorded fingerprint is another; records ours if none is. */
    public static Optional<String> check(String ours, KafkaClients clients, Topics topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        String topic = topics.pseudonymKey();
        try (Admin admin = clients.admin()) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(topic, 1, topics.replicationFactor())
                                            .configs(Map.of("cleanup.policy", "compact"))))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Optional<String> recorded = recorded(clients, topic);
        if (recorded.isEmpty()) {
            try (Producer<byte[], byte[]> p = clients.idempotentProducer("pseudonym-key")) {
                p.send(new ProducerRecord<>(topic, KEY, ours.getBytes(StandardCharsets.UTF_8)))
                        .get(30, TimeUnit.SECONDS);
            }
            return Optional.empty();
        }
        if (recorded.get().equals(ours)) {
            return Optional.empty();
        }
        return Optional.of(
                "ANOTHER PSEUDONYM SECRET: a hub with a different HUB_PSEUDONYM_SECRET (fingerprint "
                        + recorded.get()
                        + ", this hub's "
                        + ours
                        + ") uses the consumer groups of "
                        + topic.substring(0, topic.length() - ".pseudonym-key".length())
                        + ".*; their pseudonyms will not match this hub's. Give every instance the"
                        + " same secret, or its own hub.kafka.group-prefix.");
    }

    public static Optional<String> recorded(KafkaClients clients, String topic) {
        TopicPartition tp = new TopicPartition(topic, 0);
        String[] latest = {null};
        try (KafkaConsumer<byte[], byte[]> c = clients.reader()) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            KafkaReads.toEnd(
                    c,
                    List.of(tp),
                    Duration.ofSeconds(30),
                    r -> latest[0] = new String(r.value(), StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(latest[0]);
    }
}
