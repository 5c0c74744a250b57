package dk.youthhub.hub.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A UU export dropped while the hub is down is read after it starts; the hub is killed with {@code
 * kill -9} in the middle of the file and started again. Oracle: every row once on {@code
 * uu.events.v1} and once as a canonical document, for a {@code read_committed} reader, in each
 * young person's row order; the file ends in {@code done/}.
 */
class FileDropCrashIT {
    private static final int PEOPLE = 50;
    private static final int ROWS = 20_000;
    private static final Duration START = Duration.ofMinutes(3);

    private final String servers = SharedKafka.bootstrapServers();

    @Test
    void aKilledHubReadsTheRestOfTheFileOnceAndInOrder() throws Exception {
        String ns = "drop-" + UUID.randomUUID().toString().substring(0, 8);
        Path data = Path.of("target", "fault", ns).toAbsolutePath();
        Path inbox = data.resolve("uu-inbox");
        Files.createDirectories(inbox);
        Path file = inbox.resolve("uu-export.csv");
        Files.writeString(file.resolveSibling("uu-export.csv.part"), export(ns));
        Files.move(file.resolveSibling("uu-export.csv.part"), file);
        List<String> extra =
                List.of(
                        "--hub.systems.uu.file-drop.poll-interval=200ms",
                        "--hub.systems.uu.file-drop.progress-every=100");
        String events = HubInstance.topic(ns, "uu-events");
        String canonical = HubInstance.topic(ns, "canonical-education-status");
        Pattern row = Pattern.compile(ns + "-(\\d{2})-(\\d{6})");

        int atKill;
        try (HubInstance hub = HubInstance.start("a", servers, ns, data, extra)) {
            atKill =
                    Records.readUntil(
                                    servers,
                                    events,
                                    "read_committed",
                                    rs -> rs.size() >= 500,
                                    START)
                            .size();
            hub.kill();
        }
        assertThat(atKill).as("killed in the middle of the file").isLessThan(ROWS);
        try (HubInstance again = HubInstance.start("a", servers, ns, data, extra)) {
            again.awaitUp(START);
            Records.readUntil(
                    servers,
                    canonical,
                    "read_committed",
                    rs -> rs.size() >= ROWS,
                    Duration.ofMinutes(5));
            again.stop();
        }
        assertOnceInOrder(Records.readAll(servers, events), row);
        assertOnceInOrder(Records.readAll(servers, canonical), row);
        assertThat(inbox.resolve("done").resolve("uu-export.csv")).exists();
        assertThat(file).doesNotExist();
    }

    /** Each row's id once, and each young person's rows in the file's order. */
    private static void assertOnceInOrder(
            List<ConsumerRecord<byte[], byte[]>> records, Pattern row) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> lastOfPerson = new HashMap<>();
        List<String> outOfOrder = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Matcher m = row.matcher(new String(r.value(), StandardCharsets.UTF_8));
            if (!m.find()) {
                continue;
            }
            String person = m.group(1);
            int seq = Integer.parseInt(m.group(2));
            seen.merge(m.group(), 1, Integer::sum);
            Integer last = lastOfPerson.put(person, seq);
            if (last != null && last >= seq) {
                outOfOrder.add(person + ": " + last + " then " + seq);
            }
        }
        assertThat(seen).as("every row").hasSize(ROWS);
        assertThat(seen.values()).as("no row twice").containsOnly(1);
        assertThat(outOfOrder).as("each young person's order").isEmpty();
    }

    /** Born in 1990: out of scope, so the core rejects each document once and holds none. */
    private static String cpr(int person) {
        return String.format(
                "%02d%02d90%04d", 1 + person % 28, 1 + (person / 28) % 12, 1000 + person);
    }

    private static String export(String ns) {
        StringBuilder csv =
                new StringBuilder(
                        "haendelse_id;cpr;kommune;dato;status;institution;uddannelse\r\n");
        String[] status = {"I_UDDANNELSE", "AFBRUDT", "FAERDIGGJORT", "I_BESKAEFTIGELSE", "INGEN"};
        for (int i = 0; i < ROWS; i++) {
            int person = i % PEOPLE;
            csv.append(String.format("%s-%02d-%06d", ns, person, i))
                    .append(';')
                    .append(cpr(person))
                    .append(";157;")
                    .append(String.format("%02d-%02d-2026", 1 + i % 28, 1 + (i / 28) % 12))
                    .append(';')
                    .append(status[i % status.length])
                    .append(";\"Skole; afd. ")
                    .append(person)
                    .append("\";EUD\r\n");
        }
        return csv.toString();
    }
}
