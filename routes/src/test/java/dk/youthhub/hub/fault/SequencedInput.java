package dk.youthhub.hub.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.support.Records;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sequence-numbered DHUV events for fault tests: young people aged 20, each with a consent for
 * every system, then handleplans numbered 1..n per young person, each a document of its own. The
 * oracle finds the numbers in any output (canonical JSON, deliveries in any style).
 */
public final class SequencedInput {
    private final String run;
    private final Pattern plan;

    public SequencedInput() {
        this.run = UUID.randomUUID().toString().substring(0, 8);
        this.plan = Pattern.compile("FT-" + run + "-(\\d{4})-(\\d{6})");
    }

    /** A valid CPR number of a young person born in 2006 (20 in the test's year). */
    public static String cpr(int person) {
        return String.format(
                "%02d%02d064%03d", 1 + person % 28, 1 + (person / 28) % 12, person % 1000);
    }

    public byte[] consent(int person) {
        return json(
                """
                {"haendelse_id":"%s","haendelse_type":"SAMTYKKE_REGISTRERET",
                 "tidspunkt":"2026-04-03T09:15:00+02:00","kommune":"157",
                 "borger":{"cpr":"%s"},"sag":{"sags_nr":"DHUV-157-%d"},
                 "samtykke":{"samtykke_id":"S-%s-%d","status":"GIVET",
                   "modtagere":["jobcenter","uu","dubu"],"dokumenttyper":["alle"],
                   "gyldig_fra":"2026-01-01","gyldig_til":"2036-01-01"}}
                """
                        .formatted(uuid("consent", person, 0), cpr(person), person, run, person));
    }

    /** Handleplan {@code seq} of young person {@code person}, with goals of the given texts. */
    public byte[] plan(int person, int seq, List<String> goals) {
        String maal =
                String.join(
                        ",",
                        goals.stream()
                                .map(g -> "{\"tema\":\"UDDANNELSE\",\"tekst\":\"" + g + "\"}")
                                .toList());
        return json(
                new String(plan(person, seq, "GOAL"), StandardCharsets.UTF_8)
                        .replace("{\"tema\":\"UDDANNELSE\",\"tekst\":\"GOAL\"}", maal));
    }

    /** Handleplan {@code seq} of young person {@code person}, with the given goal text. */
    public byte[] plan(int person, int seq, String goal) {
        return json(
                """
                {"haendelse_id":"%s","haendelse_type":"HANDLEPLAN_OPDATERET",
                 "tidspunkt":"2026-04-10T09:00:00Z","kommune":"157",
                 "borger":{"cpr":"%s","fornavn":"Test","efternavn":"Person"},
                 "sag":{"sags_nr":"DHUV-157-%d"},
                 "handleplan":{"plan_id":"%s","version":1,"paragraf":"SEL §141",
                   "gyldig_fra":"2026-04-10","revurdering":"2026-10-10",
                   "maal":[{"tema":"UDDANNELSE","tekst":"%s"}],"indsatser":[]}}
                """
                        .formatted(
                                uuid("plan", person, seq),
                                cpr(person),
                                person,
                                planId(person, seq),
                                goal));
    }

    public byte[] plan(int person, int seq) {
        return plan(person, seq, "Gennemføre HF");
    }

    /** The source's key of a young person's events: their case, so their events keep order. */
    public static byte[] key(int person) {
        return ("DHUV-157-" + person).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Every young person's consent, then plans {@code from..to} of each, sequence-major: the order
     * a source system would send them in.
     */
    public List<ProducerRecord<byte[], byte[]>> records(
            String topic, int people, int from, int to, boolean consents) {
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (int p = 0; consents && p < people; p++) {
            out.add(new ProducerRecord<>(topic, key(p), consent(p)));
        }
        for (int seq = from; seq <= to; seq++) {
            for (int p = 0; p < people; p++) {
                out.add(new ProducerRecord<>(topic, key(p), plan(p, seq)));
            }
        }
        return out;
    }

    /** Plans {@code 1..n} of each of {@code people} young people. */
    public static Map<Integer, List<Integer>> expected(int people, int n) {
        Map<Integer, List<Integer>> e = new HashMap<>();
        for (int p = 0; p < people; p++) {
            e.put(p, java.util.stream.IntStream.rangeClosed(1, n).boxed().toList());
        }
        return e;
    }

    public String planId(int person, int seq) {
        return String.format("FT-%s-%04d-%06d", run, person, seq);
    }

    private String uuid(String kind, int person, int seq) {
        return UUID.nameUUIDFromBytes(
                        (run + kind + person + "/" + seq).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static byte[] json(String s) {
        return s.replace("\n", "").getBytes(StandardCharsets.UTF_8);
    }

    /** The (person, seq) of this run's plan a record carries, or null. */
    public int[] numbers(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        Matcher m = plan.matcher(new String(r.value(), StandardCharsets.UTF_8));
        return m.find()
                ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}
                : null;
    }

    /**
     * Waits until at least {@code count} of this run's plans are on the topic, for a {@code
     * read_committed} reader.
     */
    public void awaitOnTopic(String servers, String topic, int count, java.time.Duration atMost) {
        Records.readUntil(
                servers, topic, "read_committed", rs -> ofRun(rs).size() >= count, atMost);
    }

    /** This run's records among these. */
    public List<ConsumerRecord<byte[], byte[]>> ofRun(List<ConsumerRecord<byte[], byte[]>> rs) {
        return rs.stream().filter(r -> numbers(r) != null).toList();
    }

    /**
     * The oracle of a hub with topics in namespace {@code ns}: plans {@code 1..plans} of each young
     * person once on the canonical topic and once among the job centre's deliveries, in order, and
     * no dead letter at all.
     */
    public void assertAllOnceInOrder(String servers, String ns, int people, int plans) {
        Map<Integer, List<Integer>> all = expected(people, plans);
        assertExactlyOnceInOrder(
                Records.readAll(servers, HubInstance.topic(ns, "canonical-handleplan")), all);
        assertExactlyOnceInOrder(
                Records.readAll(servers, HubInstance.topic(ns, "jobcenter-deliveries")), all);
        assertThat(Records.readAll(servers, HubInstance.topic(ns, "dead-letter")))
                .as("no dead letters")
                .isEmpty();
    }

    /**
     * The oracle: the records of this run (read with {@code read_committed}, in partition order)
     * are exactly the expected plans, none twice, and each young person's in sequence order.
     *
     * @param expected per young person, the sequence numbers expected, ascending
     */
    public void assertExactlyOnceInOrder(
            List<ConsumerRecord<byte[], byte[]>> records, Map<Integer, List<Integer>> expected) {
        Map<Integer, List<Integer>> seen = new HashMap<>();
        Set<String> twice = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            int[] n = numbers(r);
            if (n == null) {
                continue;
            }
            if (!all.add(n[0] + "/" + n[1])) {
                twice.add(n[0] + "/" + n[1]);
            }
            seen.computeIfAbsent(n[0], k -> new ArrayList<>()).add(n[1]);
        }
        assertThat(twice).as("documents written twice").isEmpty();
        assertThat(seen.keySet()).as("young people").isEqualTo(expected.keySet());
        for (Map.Entry<Integer, List<Integer>> e : expected.entrySet()) {
            assertThat(seen.get(e.getKey()))
                    .as("young person %d: every plan, in order", e.getKey())
                    .containsExactlyElementsOf(e.getValue());
        }
    }
}
