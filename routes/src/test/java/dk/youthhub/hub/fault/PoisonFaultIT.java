package dk.youthhub.hub.fault;

import static dk.youthhub.hub.support.Records.header;
import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * 1,000 poison records of every kind mixed into 10,000 good ones, on the same keys (so they share
 * partitions with the good ones): every good one is delivered once, in each young person's order;
 * every bad one is dead-lettered with its code; the stages keep running.
 */
class PoisonFaultIT extends HubIT {
    private static final String EVENTS = "it.dhuv.events.v1";
    private static final int PEOPLE = 50;
    private static final int PLANS = 200;

    @Autowired TestRestTemplate http;

    @Test
    void poisonIsDeadLetteredAndEveryGoodDocumentIsDeliveredOnceInOrder() throws Exception {
        SequencedInput input = new SequencedInput();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Map<Integer, String> expectedCode = new HashMap<>(); // index in records → code
        List<String> ampersandPlans = new ArrayList<>();
        for (int p = 0; p < PEOPLE; p++) {
            records.add(new ProducerRecord<>(EVENTS, SequencedInput.key(p), input.consent(p)));
        }
        int bad = 0;
        for (int seq = 1; seq <= PLANS; seq++) {
            for (int p = 0; p < PEOPLE; p++) {
                byte[] key = SequencedInput.key(p);
                byte[] good = input.plan(p, seq);
                records.add(
                        seq % 20 == 0
                                ? Records.withoutTimestamp(EVENTS, key, good)
                                : new ProducerRecord<>(EVENTS, key, good));
                if ((seq * PEOPLE + p) % 10 == 0) {
                    String code = poisonCode(bad);
                    expectedCode.put(records.size(), code);
                    records.add(new ProducerRecord<>(EVENTS, key, poison(input, p, bad, good)));
                    if (code == null) {
                        ampersandPlans.add(input.planId(p, 900_000 + bad));
                    }
                    bad++;
                }
            }
        }
        assertThat(bad).isEqualTo(1000);
        List<String> positions = Records.sendRecords(servers, records);
        // 2 MB that compress to almost nothing: on the topic it fits, as a dead letter it would not
        byte[] huge = new byte[2 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        String compressed =
                Records.sendCompressed(
                        servers, new ProducerRecord<>(EVENTS, SequencedInput.key(0), huge));

        List<ConsumerRecord<byte[], byte[]>> deliveries =
                Records.readUntil(
                        servers,
                        "it.dubu.deliveries.v1",
                        "read_committed",
                        rs -> input.ofRun(rs).size() >= PEOPLE * PLANS,
                        Duration.ofMinutes(5));
        input.assertExactlyOnceInOrder(
                input.ofRun(deliveries), SequencedInput.expected(PEOPLE, PLANS));

        Map<String, String> codeAt = new HashMap<>();
        expectedCode.forEach(
                (i, code) -> {
                    if (code != null) {
                        codeAt.put(positions.get(i), code);
                    }
                });
        List<ConsumerRecord<byte[], byte[]>> letters =
                Records.awaitDeadLettersOf(servers, "it.hub.deadletter.v1", codeAt.keySet());
        assertThat(letters).hasSize(codeAt.size());
        ConsumerRecord<byte[], byte[]> omitted =
                Records.awaitDeadLettersOf(servers, "it.hub.deadletter.v1", List.of(compressed))
                        .get(0);
        assertThat(header(omitted, DeadLetters.ERROR_CODE)).isEqualTo("TOO_LARGE");
        assertThat(header(omitted, DeadLetters.VALUE_OMITTED)).isEqualTo("true");
        assertThat(header(omitted, DeadLetters.VALUE_SIZE)).isEqualTo(String.valueOf(huge.length));
        assertThat(omitted.value()).isNull();
        for (ConsumerRecord<byte[], byte[]> d : letters) {
            assertThat(header(d, DeadLetters.ERROR_CODE))
                    .isEqualTo(codeAt.get(Records.sourcePosition(d)));
        }
        // the plans that fit every recipient but DUBU: dead-lettered for DUBU alone
        List<ConsumerRecord<byte[], byte[]>> all = Records.readAll(servers, "it.hub.deadletter.v1");
        for (String plan : ampersandPlans) {
            assertThat(Records.containing(all, plan))
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(header(d, DeadLetters.ERROR_CODE))
                                        .isEqualTo("TOO_LARGE");
                                assertThat(header(d, DeadLetters.TARGET)).isEqualTo("dubu");
                            });
        }
        assertThat(adminHealth(http).getBody())
                .contains("\"ingest\":\"RUNNING\"", "\"core\":\"RUNNING\"");
    }

    /** The kind of the {@code n}th poison record: its code, or null for a plan too big for DUBU. */
    private static String poisonCode(int n) {
        return switch (n % 100) {
            case 0, 1, 2, 3, 4 -> n % 2 == 0 ? "TOO_LARGE" : null;
            default ->
                    switch (n % 5) {
                        case 0, 4 -> "MALFORMED";
                        case 1 -> "SCHEMA_VIOLATION";
                        case 2 -> "INVALID_CPR";
                        default -> "UNKNOWN_TYPE";
                    };
        };
    }

    private static byte[] poison(SequencedInput input, int person, int n, byte[] good) {
        String json = new String(good, StandardCharsets.UTF_8);
        String code = poisonCode(n);
        if (code == null) {
            // 400,000 ampersands in five goals: fine as JSON, five times as long in DUBU's XML
            return input.plan(
                    person, 900_000 + n, java.util.Collections.nCopies(5, "&".repeat(80_000)));
        }
        return switch (code) {
            case "TOO_LARGE" -> {
                byte[] big = Arrays.copyOf(good, 600 * 1024);
                Arrays.fill(big, good.length, big.length, (byte) ' ');
                yield big;
            }
            case "MALFORMED" ->
                    n % 5 == 0
                            ? Arrays.copyOf(good, good.length / 2)
                            : json.replace(
                                            "\"kommune\":\"157\"",
                                            "\"kommune\":\"157\",\"kommune\":\"157\"")
                                    .getBytes(StandardCharsets.UTF_8);
            case "SCHEMA_VIOLATION" ->
                    json.replace("UDDANNELSE", "UKENDT_TEMA").getBytes(StandardCharsets.UTF_8);
            case "INVALID_CPR" ->
                    json.replace(SequencedInput.cpr(person), "3213991234")
                            .getBytes(StandardCharsets.UTF_8);
            default ->
                    json.replace("HANDLEPLAN_OPDATERET", "NOGET_ANDET")
                            .getBytes(StandardCharsets.UTF_8);
        };
    }
}
