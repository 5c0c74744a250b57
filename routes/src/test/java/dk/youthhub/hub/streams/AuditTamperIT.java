package dk.youthhub.hub.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.fault.SequencedInput;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.privacy.AuditKeyring;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.TestProps;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A chain the hub wrote on the real broker, copied to another topic without a record from its
 * middle, and without its last record: the audit trail, checked against the core's head of the
 * chain, says where it breaks.
 */
class AuditTamperIT extends HubIT {

    @Test
    void aRecordRemovedFromTheMiddleOrTheEndOfAChainShowsWhere() throws Exception {
        SequencedInput input = new SequencedInput();
        int person = 41;
        HubProperties hub = props("it.hub.audit.v1");
        String pseudonym = new Pseudonymizer(hub).pseudonym(SequencedInput.cpr(person));
        for (int seq = 0; seq < 3; seq++) {
            Records.send(servers, "it.dhuv.events.v1", null, input.plan(person, seq, "Mål " + seq));
        }
        List<ConsumerRecord<byte[], byte[]>> chain =
                Records.readUntil(
                        servers,
                        "it.hub.audit.v1",
                        "read_committed",
                        rs -> ofPerson(rs, pseudonym).size() >= 6);
        List<ConsumerRecord<byte[], byte[]>> mine = ofPerson(chain, pseudonym);
        AuditTrail real = trail(hub);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> real.firstBreak(real.of(pseudonym)).isEmpty());

        List<ConsumerRecord<byte[], byte[]>> withoutMiddle = new ArrayList<>(mine);
        withoutMiddle.remove(2);
        assertThat(breakIn(copy(withoutMiddle), pseudonym)).hasValue(2);

        List<ConsumerRecord<byte[], byte[]>> withoutLast =
                new ArrayList<>(mine.subList(0, mine.size() - 1));
        AuditTrail.Chain truncated = trail(props(copy(withoutLast))).of(pseudonym);
        assertThat(truncated.records()).hasSize(withoutLast.size());
        assertThat(trail(props(copy(withoutLast))).firstBreak(truncated))
                .as("a missing tail: the break is at the number of records")
                .hasValue(withoutLast.size());
    }

    private Optional<Integer> breakIn(String topic, String pseudonym) {
        AuditTrail t = trail(props(topic));
        return t.firstBreak(t.of(pseudonym));
    }

    private static List<ConsumerRecord<byte[], byte[]>> ofPerson(
            List<ConsumerRecord<byte[], byte[]>> rs, String pseudonym) {
        return rs.stream()
                .filter(r -> pseudonym.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .toList();
    }

    /** The records, in order, on a new topic partitioned like the audit topic. */
    private String copy(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        String topic = "it.tampered-" + UUID.randomUUID() + ".audit";
        Records.createTopics(servers, new NewTopic(topic, 3, (short) 1));
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        records.forEach(r -> out.add(new ProducerRecord<>(topic, r.key(), r.value())));
        Records.sendRecords(servers, out);
        return topic;
    }

    private HubProperties props(String auditTopic) {
        return TestProps.bind(
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", servers,
                        "hub.kafka.group-prefix", "it",
                        "hub.topics.audit", auditTopic,
                        "hub.pseudonym-secret", "integration-test-secret-0123456789abcdef",
                        "hub.audit.key", "integration-test-audit-key-0123456789abcdef"));
    }

    private static AuditTrail trail(HubProperties props) {
        return new AuditTrail(
                new KafkaClients(props, Optional.empty()),
                TestProps.topics(props),
                AuditKeyring.keys(props));
    }
}
