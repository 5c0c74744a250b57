package dk.youthhub.hub.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.core.Ages;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Each milestone is acted on once: young people turning 18 today, two instances sharing the work,
 * one killed with {@code kill -9} after some milestones and restarted on its own data. Oracle: for
 * a {@code read_committed} reader, exactly one {@code ADULT_18} document per young person on the
 * milestone topic, and no milestone dated before the day the hub first heard of them.
 */
class MilestoneFaultIT {
    private static final int PEOPLE = 30;
    private static final Duration START = Duration.ofMinutes(3);
    private static final List<String> FAST = List.of("--hub.core.release-check-interval=1s");

    private final String servers = SharedKafka.bootstrapServers();

    @Test
    void aMilestoneIsActedOnOnceAcrossACrashAndTwoInstances() throws Exception {
        String ns = "milestone-" + UUID.randomUUID().toString().substring(0, 8);
        Path data = Path.of("target", "fault", ns);
        String topic = HubInstance.topic(ns, "canonical-milestone");
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate born = LocalDate.now(Ages.COPENHAGEN).minusYears(18);
        try (HubInstance a = HubInstance.start("a", servers, ns, data.resolve("a"), FAST);
                HubInstance b = HubInstance.start("b", servers, ns, data.resolve("b"), FAST)) {
            a.awaitUp(START);
            b.awaitUp(START);
            List<ProducerRecord<byte[], byte[]>> plans = new ArrayList<>();
            for (int p = 0; p < PEOPLE; p++) {
                plans.add(
                        new ProducerRecord<>(
                                HubInstance.topic(ns, "dhuv-events"),
                                ("DHUV-157-" + run + "-" + p).getBytes(StandardCharsets.UTF_8),
                                plan(run, p, cpr(born, p))));
            }
            Records.sendRecords(servers, plans);
            Records.readUntil(
                    servers,
                    topic,
                    "read_committed",
                    rs -> rs.size() >= PEOPLE / 3,
                    Duration.ofMinutes(2));
            a.kill();
            try (HubInstance again = HubInstance.start("a", servers, ns, data.resolve("a"), FAST)) {
                again.awaitUp(START);
                Records.readUntil(
                        servers,
                        topic,
                        "read_committed",
                        rs -> rs.size() >= PEOPLE,
                        Duration.ofMinutes(3));
                // several more checks run on both instances: still one each
                await().during(Duration.ofSeconds(5))
                        .atMost(Duration.ofSeconds(20))
                        .until(() -> Records.readAll(servers, topic).size() == PEOPLE);
                again.stop();
            }
            b.stop();
        }
        Map<String, Integer> perPerson = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : Records.readAll(servers, topic)) {
            JsonNode doc = CanonicalJson.mapper().readTree(r.value());
            assertThat(doc.at("/milestone/milestone").asText()).isEqualTo("ADULT_18");
            assertThat(Records.header(r, "ce_source")).isEqualTo("hub");
            perPerson.merge(doc.at("/youngPerson/cpr").asText(), 1, Integer::sum);
        }
        assertThat(perPerson).hasSize(PEOPLE);
        assertThat(perPerson.values()).allMatch(n -> n == 1);
    }

    /** A valid CPR number of young person {@code p}, born on {@code born}. */
    private static String cpr(LocalDate born, int p) {
        return String.format(
                "%02d%02d%02d4%03d",
                born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100, p);
    }

    private static byte[] plan(String run, int p, String cpr) {
        return """
                {"haendelse_id":"%s","haendelse_type":"HANDLEPLAN_OPDATERET",
                 "tidspunkt":"2026-04-10T09:00:00Z","kommune":"157",
                 "borger":{"cpr":"%s","fornavn":"Test","efternavn":"Person"},
                 "sag":{"sags_nr":"DHUV-157-%d"},
                 "handleplan":{"plan_id":"MS-%s-%d","version":1,"paragraf":"SEL §141",
                   "gyldig_fra":"2026-04-10","revurdering":"2026-10-10",
                   "maal":[{"tema":"UDDANNELSE","tekst":"Gennemføre HF"}],"indsatser":[]}}
                """
                .formatted(UUID.randomUUID(), cpr, p, run, p)
                .getBytes(StandardCharsets.UTF_8);
    }
}
