package dk.youthhub.hub.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.support.SharedKafka;
import dk.youthhub.hub.support.TestProps;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * Looking at a topic that is not there must not create it: a stage's changelog made by a reader
 * with the broker's default partitions would stop that stage for good (seen with the held gauge).
 */
class KafkaClientsIT {

    @Test
    void aReaderLookingAtAMissingTopicDoesNotCreateIt() throws Exception {
        HubProperties props = TestProps.hub(SharedKafka.bootstrapServers(), false, null);
        KafkaClients clients = new KafkaClients(props, Optional.empty());
        String topic = "not-there-" + UUID.randomUUID() + ".core-core-held-changelog";
        try (KafkaConsumer<byte[], byte[]> c = clients.reader()) {
            assertThat(c.partitionsFor(topic)).isEmpty();
        }
        try (Admin admin = clients.admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(topic);
        }
    }
}
