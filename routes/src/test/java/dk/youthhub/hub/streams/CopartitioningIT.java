package dk.youthhub.hub.streams;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedKafka;
import dk.youthhub.hub.support.TestProps;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The core refuses to run over canonical topics that would split a young person across tasks. */
class CopartitioningIT {

    @Test
    void canonicalTopicsWithDifferentPartitionCountsAreRefused() throws Exception {
        String servers = SharedKafka.bootstrapServers();
        String run = "cp-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", servers);
        env.put("hub.topics.prefix", run + ".");
        Topics topics = TestProps.topics(TestProps.bind(env));
        KafkaClients clients = new KafkaClients(TestProps.bind(env), Optional.empty());
        Records.createTopics(
                servers,
                java.util.stream.Stream.concat(
                                topics.canonicalTopics().stream(),
                                java.util.stream.Stream.of(
                                        topics.notices(), topics.registrations()))
                        .map(
                                t ->
                                        new NewTopic(
                                                t,
                                                t.endsWith(".canonical.consent.v1") ? 2 : 3,
                                                (short) 1))
                        .toArray(NewTopic[]::new));

        assertThatThrownBy(() -> CoreStreams.requireCopartitioned(clients, topics))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one partition count");
    }
}
