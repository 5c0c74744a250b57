package dk.youthhub.hub.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.AuditKeyring;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedKafka;
import dk.youthhub.hub.support.TestProps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** A checkpoint covers every chain's head or is not given: never some heads only. */
class AuditCheckpointIT {

    @Test
    void aCheckpointIsOfEveryHeadOrNone() throws Exception {
        String servers = SharedKafka.bootstrapServers();
        String ns = "checkpoint-" + UUID.randomUUID().toString().substring(0, 8);
        HubProperties props =
                TestProps.bind(
                        Map.of("KAFKA_BOOTSTRAP_SERVERS", servers, "hub.topics.prefix", ns + "."));
        Topics topics = TestProps.topics(props);
        Records.createTopics(servers, new NewTopic(topics.auditHeads(), 3, (short) 1));
        for (String chain : new String[] {"pseudonym-a", "pseudonym-b", "pseudonym-a"}) {
            Records.send(
                    servers,
                    topics.auditHeads(),
                    chain.getBytes(StandardCharsets.UTF_8),
                    ("head-of-" + chain + "-" + UUID.randomUUID())
                            .getBytes(StandardCharsets.UTF_8));
        }
        AuditTrail trail =
                new AuditTrail(
                        new KafkaClients(props, Optional.empty()),
                        topics,
                        AuditKeyring.keys(props));

        assertThat(trail.checkpoint(Instant.now(), Duration.ZERO))
                .as("no time to read the heads to their end: no checkpoint, not a partial one")
                .isEmpty();
        AuditTrail.Checkpoint whole = trail.checkpoint(Instant.now()).orElseThrow();
        assertThat(whole.chains()).isEqualTo(2);
        assertThat(whole.heads().keySet()).containsExactly("pseudonym-a", "pseudonym-b");
        assertThat(whole.digest()).hasSize(64);
    }
}
