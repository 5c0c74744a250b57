package dk.youthhub.hub.filedrop;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.youthhub.hub.fault.SequencedInput;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedWireMock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The UU file drop on the real broker, as the UU system uses it: a spreadsheet's export written as
 * {@code .csv.part} and renamed to {@code .csv} in {@code HUB_UU_INBOX}.
 */
class FileDropIT extends HubIT {
    private static final Path INBOX = Path.of("target/it-data/uu-inbox");
    private static final String EVENTS = "it.uu.events.v1";
    private static final String CANONICAL = "it.canonical.education-status.v1";
    private static final String DEAD = "it.hub.deadletter.v1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** BOM, CRLF, a quoted ; and "", columns in another order; rows 2, 3 and 5 good. */
    private static String export(String run, String cpr) {
        return "\uFEFFstatus;haendelse_id;cpr;kommune;dato;institution;uddannelse\r\n"
                + "I_UDDANNELSE;"
                + run
                + "-1;"
                + cpr
                + ";607;18-08-2026;\"EUC Syd; Fredericia\";EUD tømrer\r\n"
                + "AFBRUDT;"
                + run
                + "-2;"
                + cpr
                + ";607;01-09-2026;\"HF \"\"Nord\"\"\";HF\r\n"
                + "PAA_SKOLE;"
                + run
                + "-3;"
                + cpr
                + ";607;02-09-2026;HF Nord;HF\r\n"
                + "INGEN;"
                + run
                + "-4;"
                + cpr
                + ";607;03-09-2026;HF Nord;HF;one field too many\r\n"
                + "I_BESKAEFTIGELSE;"
                + run
                + "-5;"
                + cpr
                + ";607;04-09-2026;;\r\n";
    }

    @Test
    void anExportBecomesOneCanonicalDocumentPerGoodRowAndItsBadRowsDeadLettersWithTheirLines()
            throws Exception {
        String run = "uu-" + UUID.randomUUID().toString().substring(0, 8);
        String file = run + ".csv";
        drop(file, export(run, SequencedInput.cpr(7)));

        await().atMost(WAIT).until(() -> Files.exists(INBOX.resolve("done").resolve(file)));
        await().atMost(WAIT)
                .until(
                        () ->
                                Records.containing(Records.readAll(servers, CANONICAL), run).size()
                                        == 3);
        List<ConsumerRecord<byte[], byte[]>> canonical =
                Records.containing(Records.readAll(servers, CANONICAL), run);
        assertThat(canonical)
                .extracting(r -> Records.text(r.value()))
                .anySatisfy(v -> assertThat(v).contains("EUC Syd; Fredericia"))
                .anySatisfy(v -> assertThat(v).contains("HF \\\"Nord\\\""))
                .anySatisfy(v -> assertThat(v).contains("\"EMPLOYED\""));

        await().atMost(WAIT)
                .until(() -> Records.containing(Records.readAll(servers, DEAD), run).size() == 2);
        List<ConsumerRecord<byte[], byte[]>> dead =
                Records.containing(Records.readAll(servers, DEAD), run);
        assertThat(dead)
                .allSatisfy(
                        d -> {
                            assertThat(Records.header(d, "hub_source_file")).isEqualTo(file);
                            assertThat(Records.header(d, "hub_source_topic")).isEqualTo(EVENTS);
                            assertThat(Records.header(d, "hub_error_message"))
                                    .doesNotContainPattern("\\d{6}-?\\d{4}");
                        })
                .extracting(
                        d ->
                                Records.header(d, "hub_source_line")
                                        + " "
                                        + Records.header(d, "hub_error_code")
                                        + " "
                                        + Records.header(d, "hub_error_message"))
                .containsExactlyInAnyOrder(
                        "4 SCHEMA_VIOLATION status: value is not in the contract's table",
                        "5 MALFORMED line 5: 8 fields where the header has 7");

        // the same file again: moved to done/ unread
        drop(file, export(run, SequencedInput.cpr(7)));
        await().atMost(WAIT).until(() -> doneCopies(file) == 2);
        assertThat(Records.containing(Records.readAll(servers, EVENTS), run)).hasSize(5);
        assertThat(Records.containing(Records.readAll(servers, CANONICAL), run)).hasSize(3);
    }

    @Test
    void aFileNotYetCompleteIsNeverReadAndOneThatIsNotCsvGoesToFailedWithAReason()
            throws Exception {
        String run = "uu-" + UUID.randomUUID().toString().substring(0, 8);
        Files.createDirectories(INBOX);
        Path part = INBOX.resolve(run + "-writing.csv.part");
        Files.writeString(part, export(run, SequencedInput.cpr(8)));
        String binary = run + "-picture.csv";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        Files.write(INBOX.resolve(binary + ".part"), png);
        Files.move(
                INBOX.resolve(binary + ".part"),
                INBOX.resolve(binary),
                StandardCopyOption.ATOMIC_MOVE);

        Path failed = INBOX.resolve("failed").resolve(binary);
        await().atMost(WAIT).until(() -> Files.exists(failed.resolveSibling(binary + ".reason")));
        assertThat(failed).hasBinaryContent(png);
        assertThat(Files.readString(failed.resolveSibling(binary + ".reason")))
                .startsWith("MALFORMED: ");
        // a later scan still leaves the part file alone
        String later = run + "-later.csv";
        drop(later, "haendelse_id;cpr;kommune;dato;status\r\n");
        await().atMost(WAIT).until(() -> Files.exists(INBOX.resolve("done").resolve(later)));
        assertThat(part).exists();
        assertThat(Records.containing(Records.readAll(servers, EVENTS), run)).isEmpty();
    }

    @Test
    void withConsentAnEducationStatusReachesDubuAndTheJobCentre() throws Exception {
        String run = "uu-" + UUID.randomUUID().toString().substring(0, 8);
        SequencedInput input = new SequencedInput();
        int person = 9;
        Records.send(servers, "it.dhuv.events.v1", null, input.consent(person));
        drop(
                run + ".csv",
                "haendelse_id;cpr;kommune;dato;status;institution;uddannelse\n"
                        + run
                        + "-1;"
                        + SequencedInput.cpr(person)
                        + ";157;18-08-2026;I_UDDANNELSE;EUC Nord;EUD\n");

        ConsumerRecord<byte[], byte[]> dubu =
                Records.awaitContaining(servers, "it.dubu.deliveries.v1", run + "-1");
        assertThat(Records.text(dubu.value())).contains("<Status>IN_EDUCATION</Status>");
        await().atMost(WAIT)
                .until(
                        () ->
                                !SharedWireMock.server()
                                        .findAll(
                                                postRequestedFor(
                                                                urlEqualTo(
                                                                        "/api/v1/hub-deliveries"))
                                                        .withRequestBody(containing(run + "-1")))
                                        .isEmpty());
    }

    private static void drop(String name, String content) throws Exception {
        Files.createDirectories(INBOX);
        Path part = INBOX.resolve(name + ".part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.move(part, INBOX.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static long doneCopies(String name) throws Exception {
        try (Stream<Path> files = Files.list(INBOX.resolve("done"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(name)).count();
        }
    }
}
