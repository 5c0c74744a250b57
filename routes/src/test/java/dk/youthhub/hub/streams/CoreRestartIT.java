package dk.youthhub.hub.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.canonical.YoungPerson;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.support.CoreApp;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.Samples;
import dk.youthhub.hub.support.SharedKafka;
import dk.youthhub.hub.support.TestProps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Held documents survive a restart: the instance that held them stops, a new one with an empty
 * state directory restores the stores from their changelogs, and the parent's consent releases the
 * document exactly once.
 */
class CoreRestartIT {

    @TempDir Path first;
    @TempDir Path second;

    @Test
    void heldDocumentsAreReleasedExactlyOnceAfterARestart() throws Exception {
        String servers = SharedKafka.bootstrapServers();
        String run = "rs-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", servers);
        env.put("hub.kafka.group-prefix", run);
        env.put("hub.topics.prefix", run + ".");
        HubProperties props = TestProps.bind(env);
        Topics topics = TestProps.topics(props);
        Records.createTopics(
                servers,
                topics.all().stream()
                        .filter(t -> t.startsWith(run))
                        .map(t -> new NewTopic(t, 3, (short) 1))
                        .toArray(NewTopic[]::new));

        String pseudonym = "p-" + UUID.randomUUID();
        String cpr = "0103104" + String.format("%03d", 7); // born 1 March 2010: under 18
        try (KafkaStreams a = CoreApp.start(props, topics, first)) {
            send(servers, topics, pseudonym, consent(cpr, "S-1", Consent.GivenBy.YOUNG_PERSON));
            send(servers, topics, pseudonym, plan(cpr));
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    Records.containing(
                                                            Records.readAll(
                                                                    servers, topics.audit()),
                                                            "\"HELD\"")
                                                    .size()
                                            >= 2);
        }
        try (KafkaStreams b = CoreApp.start(props, topics, second)) {
            send(servers, topics, pseudonym, consent(cpr, "S-2", Consent.GivenBy.PARENT));
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    !Records.readAll(
                                                    servers,
                                                    topics.deliveries(SourceSystem.of("jobcenter")))
                                            .isEmpty());
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    Records.containing(
                                                            Records.readAll(
                                                                    servers, topics.audit()),
                                                            "\"DISPATCHED\"")
                                                    .size()
                                            >= 2);
        }
        assertThat(Records.readAll(servers, topics.deliveries(SourceSystem.of("jobcenter"))))
                .as("released once")
                .hasSize(1);
        assertThat(Records.readAll(servers, topics.deliveries(SourceSystem.of("uu")))).hasSize(1);
        assertThat(Records.containing(Records.readAll(servers, topics.audit()), "\"RELEASED\""))
                .hasSize(2);
    }

    private static void send(String servers, Topics topics, String pseudonym, CanonicalDocument doc)
            throws Exception {
        Records.send(
                servers,
                topics.canonical(doc.documentType()),
                pseudonym.getBytes(StandardCharsets.UTF_8),
                CanonicalJson.mapper().writeValueAsBytes(doc));
    }

    private static CanonicalDocument consent(String cpr, String id, Consent.GivenBy by)
            throws Exception {
        CanonicalDocument base =
                Samples.about(
                        Samples.sample("consent-parent"), new YoungPerson(cpr, null, null), id, 1);
        return base.with(
                new Consent(
                        Consent.Status.GIVEN,
                        by,
                        null,
                        List.of("jobcenter", "uu"),
                        List.of("all"),
                        LocalDate.of(2026, 1, 1),
                        null));
    }

    private static CanonicalDocument plan(String cpr) throws Exception {
        return Samples.about(
                Samples.sample("handleplan-child"),
                new YoungPerson(cpr, null, null),
                "HP-restart",
                1);
    }
}
