package dk.youthhub.hub.streams;

import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.springframework.stereotype.Component;

/**
 * Records that an HTTP answer shows a young person's data ({@code DISCLOSED}, in their chain),
 * durably before the answer is sent: the notice is on Kafka ({@code acks=all}) when {@link #record}
 * returns, and the core chains it.
 */
@Component
public class Disclosures {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public Disclosures(KafkaClients clients, Topics topics) {
        this.producer = clients.idempotentProducer("disclosures");
        this.topic = topics.notices();
    }

    /** Thrown when the disclosure could not be recorded: show nothing. */
    public static final class NotRecorded extends Exception {
        NotRecorded(Throwable cause) {
            super("a disclosure could not be recorded", cause);
        }
    }

    /**
     * @param credential the role, system or coordinator that asked (never a token)
     * @param what the answer, e.g. {@code audit/query}
     */
    public void record(String pseudonym, String credential, String what)
            throws NotRecorded, InterruptedException {
        record(pseudonym, credential, credential, what);
    }

    /**
     * @param role the audit record's {@code target}: {@code admin}, {@code coordinator}
     * @param credential who in that role: {@code admin} or the coordinator's id (never a token)
     */
    public void record(String pseudonym, String role, String credential, String what)
            throws NotRecorded, InterruptedException {
        Notice n =
                new Notice(
                        AuditChain.Action.DISCLOSED,
                        null,
                        null,
                        null,
                        null,
                        "hub",
                        role,
                        what,
                        null,
                        credential);
        try {
            producer.send(n.toRecord(topic, pseudonym))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new NotRecorded(e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
