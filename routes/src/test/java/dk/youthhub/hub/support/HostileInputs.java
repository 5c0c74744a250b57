package dk.youthhub.hub.support;

import static dk.youthhub.hub.support.Records.header;
import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.core.Hashes;
import dk.youthhub.hub.deadletter.DeadLetters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Sends hostile inputs to a hub input topic and checks their dead letters. */
public final class HostileInputs {

    private HostileInputs() {}

    /**
     * Sends each input (named {@code <ERROR_CODE>[-what]}) with one key, so they share a partition
     * in order, and asserts that each is dead-lettered unchanged, with its code, its source
     * position and a message free of CPR numbers.
     */
    public static void assertDeadLettered(
            String servers,
            String inputTopic,
            String deadLetterTopic,
            byte[] key,
            Map<String, byte[]> inputs)
            throws Exception {
        Map<String, String> caseAt = new HashMap<>();
        for (Map.Entry<String, byte[]> e : inputs.entrySet()) {
            caseAt.put(Records.send(servers, inputTopic, key, e.getValue()), e.getKey());
        }
        List<ConsumerRecord<byte[], byte[]>> dead =
                Records.awaitDeadLettersOf(servers, deadLetterTopic, caseAt.keySet());
        assertThat(dead).hasSize(inputs.size());
        for (ConsumerRecord<byte[], byte[]> d : dead) {
            String testCase = caseAt.get(Records.sourcePosition(d));
            assertThat(header(d, DeadLetters.ERROR_CODE))
                    .as(testCase)
                    .isEqualTo(testCase.split("-")[0]);
            assertThat(Records.text(d.key()))
                    .as(
                            "the young person's pseudonym where the CPR number could be read, else nobody")
                    .matches("unidentified|[0-9a-f]{64}");
            assertThat(header(d, DeadLetters.SOURCE_KEY_SHA256))
                    .as("the source's key only as a digest")
                    .isEqualTo(Hashes.sha256Hex(key));
            assertThat(d.value()).as("value unchanged").isEqualTo(inputs.get(testCase));
            assertThat(header(d, DeadLetters.SOURCE_TOPIC)).isEqualTo(inputTopic);
            assertThat(header(d, DeadLetters.SOURCE_PARTITION)).matches("\\d+");
            assertThat(header(d, DeadLetters.SOURCE_OFFSET)).matches("\\d+");
            assertThat(header(d, DeadLetters.ERROR_MESSAGE))
                    .isNotBlank()
                    .doesNotContainPattern("\\d{6}-?\\d{4}");
        }
    }
}
