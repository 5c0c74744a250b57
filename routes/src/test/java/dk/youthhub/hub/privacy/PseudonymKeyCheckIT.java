package dk.youthhub.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.support.SharedKafka;
import dk.youthhub.hub.support.TestProps;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A second hub on the same consumer groups with another pseudonym secret is warned about. */
class PseudonymKeyCheckIT {
    private static final String SECRET = "the-first-secret-0123456789abcdef0123";

    @Test
    void theSameSecretPassesAnotherIsWarnedAboutWithoutShowingEither() throws Exception {
        String prefix = "fp-" + UUID.randomUUID().toString().substring(0, 8);
        HubProperties first = props(prefix, SECRET);
        HubProperties second = props(prefix, SECRET + "-other");
        KafkaClients clients = new KafkaClients(first, Optional.empty());
        Topics topics = TestProps.topics(first);
        String ours = new Pseudonymizer(first).fingerprint();

        assertThat(PseudonymKeyCheck.check(ours, clients, topics))
                .as("the first records")
                .isEmpty();
        assertThat(PseudonymKeyCheck.check(ours, clients, topics)).as("the same secret").isEmpty();
        Optional<String> warning =
                PseudonymKeyCheck.check(new Pseudonymizer(second).fingerprint(), clients, topics);
        assertThat(warning)
                .hasValueSatisfying(
                        w ->
                                assertThat(w)
                                        .contains("different HUB_PSEUDONYM_SECRET", prefix + ".*")
                                        .doesNotContain(SECRET));
    }

    private static HubProperties props(String prefix, String secret) {
        return TestProps.bind(
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        SharedKafka.bootstrapServers(),
                        "HUB_PSEUDONYM_SECRET",
                        secret,
                        "hub.kafka.group-prefix",
                        prefix));
    }
}
