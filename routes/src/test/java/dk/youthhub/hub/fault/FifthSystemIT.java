package dk.youthhub.hub.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A fifth system, added as a connector would be: its classes and its {@code META-INF/services}
 * entry ({@code src/test/fifth-system}, the test connector {@code dk.youthhub.connector.skole}) on
 * the hub's class path, and nothing else. It runs end to end: its events become canonical
 * documents, routing sends it and the others their documents by the descriptors' defaults, and a
 * consent may name it.
 */
class FifthSystemIT {
    private static final Duration START = Duration.ofMinutes(3);
    private static final Path FIFTH_SYSTEM = Path.of("src/test/fifth-system");

    private final String servers = SharedKafka.bootstrapServers();

    @Test
    void aFifthSystemSendsReceivesAndIsNamedByConsentWithNoChangeToTheHub() throws Exception {
        String ns = "fifth-" + UUID.randomUUID().toString().substring(0, 8);
        SequencedInput input = new SequencedInput();
        int person = 11;
        String cpr = SequencedInput.cpr(person);
        try (HubInstance hub =
                HubInstance.start(
                        "a",
                        servers,
                        ns,
                        Path.of("target", "fault", ns),
                        List.of(),
                        List.of(FIFTH_SYSTEM))) {
            hub.awaitUp(START);
            Records.send(
                    servers,
                    HubInstance.topic(ns, "dhuv-events"),
                    null,
                    utf8(
                            """
                            {"haendelse_id":"%s","haendelse_type":"SAMTYKKE_REGISTRERET",
                             "tidspunkt":"2026-04-03T09:15:00+02:00","kommune":"157",
                             "borger":{"cpr":"%s"},"sag":{"sags_nr":"DHUV-157-1"},
                             "samtykke":{"samtykke_id":"S-%s","status":"GIVET",
                               "modtagere":["skole","dubu"],"dokumenttyper":["alle"],
                               "gyldig_fra":"2026-01-01","gyldig_til":"2036-01-01"}}
                            """
                                    .formatted(UUID.randomUUID(), cpr, ns)));
            Records.send(
                    servers,
                    HubInstance.topic(ns, "skole-events"),
                    null,
                    utf8(
                            """
                            {"id":"%s-status","cpr":"%s","kommune":"157",
                             "tidspunkt":"2026-09-01T08:00:00+02:00","dato":"2026-09-01",
                             "status":"DROPPED_OUT"}
                            """
                                    .formatted(ns, cpr)));
            Records.send(
                    servers,
                    HubInstance.topic(ns, "dhuv-events"),
                    null,
                    input.plan(person, 0, "Gennemføre 10. klasse"));

            ConsumerRecord<byte[], byte[]> canonical =
                    Records.awaitContaining(
                            servers,
                            HubInstance.topic(ns, "canonical-education-status"),
                            ns + "-status");
            assertThat(Records.header(canonical, "ce_source")).isEqualTo("skole");
            assertThat(Records.header(canonical, "ce_type"))
                    .isEqualTo("dk.youthhub.education-status.v1");
            ConsumerRecord<byte[], byte[]> toDubu =
                    Records.awaitContaining(
                            servers, HubInstance.topic(ns, "dubu-deliveries"), ns + "-status");
            assertThat(Records.text(toDubu.value())).contains("DROPPED_OUT");
            ConsumerRecord<byte[], byte[]> toSkole =
                    Records.awaitContaining(
                            servers,
                            HubInstance.topic(ns, "skole-deliveries"),
                            "Gennemføre 10. klasse");
            assertThat(Records.text(toSkole.value()))
                    .as("rendered by the fifth system's own renderer")
                    .contains("\"dokument_type\":\"handleplan\"");
            hub.stop();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
