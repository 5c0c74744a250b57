package dk.youthhub.hub.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.support.CoreApp;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.Samples;
import dk.youthhub.hub.support.SharedKafka;
import dk.youthhub.hub.support.TestProps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
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
        HubProperties props = CoreApp.namespace(servers, run, null);
        Topics topics = TestProps.topics(props);
        CoreApp.createTopics(servers, topics, run);

        String pseudonym = "p-" + UUID.randomUUID();
        String cpr = "0103104" + String.format("%03d", 7); // born 1 March 2010: under 18
        try (KafkaStreams a = CoreApp.start(props, topics, first)) {
            CoreApp.send(
                    servers,
                    topics,
                    pseudonym,
                    Samples.consent(cpr, "S-1", Consent.GivenBy.YOUNG_PERSON));
            CoreApp.send(servers, topics, pseudonym, Samples.plan(cpr, "HP-restart"));
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
            CoreApp.send(
                    servers,
                    topics,
                    pseudonym,
                    Samples.consent(cpr, "S-2", Consent.GivenBy.PARENT));
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
}
