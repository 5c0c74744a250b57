package dk.youthhub.hub.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.canonical.YoungPerson;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.AuditKeyring;
import dk.youthhub.hub.privacy.PseudonymKeyCheck;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.streams.AuditTrail;
import dk.youthhub.hub.streams.CoreProcessor;
import dk.youthhub.hub.support.CoreApp;
import dk.youthhub.hub.support.Records;
import dk.youthhub.hub.support.Samples;
import dk.youthhub.hub.support.SharedKafka;
import dk.youthhub.hub.support.TestProps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pseudonym key rotates offline: the core runs under the old secret, stops, is re-keyed, and
 * runs under the new one from the same state directory. A document held before the rotation is
 * released by a consent after it, once; a young person's chain runs on unbroken through the {@code
 * REKEYED} link; the form keeps its document id; no state is left under an old pseudonym; and the
 * tool refuses to run twice or while the core runs.
 */
class PseudonymRekeyIT {
    private static final String OLD = "the-old-pseudonym-secret-0123456789abcdef";
    private static final String NEW = "the-new-pseudonym-secret-0123456789abcdef";
    private static final String ADULT = "0103074007"; // born 1 March 2007
    private static final String CHILD = "0103104007"; // born 1 March 2010

    @TempDir Path state;

    @Test
    void stateChainsAndHeldDocumentsFollowTheYoungPersonToTheNewPseudonym() throws Exception {
        String servers = SharedKafka.bootstrapServers();
        String run = "rk-" + UUID.randomUUID().toString().substring(0, 8);
        HubProperties before = CoreApp.namespace(servers, run, OLD);
        HubProperties after = CoreApp.namespace(servers, run, NEW);
        Topics topics = TestProps.topics(before);
        CoreApp.createTopics(servers, topics, run);
        Pseudonymizer old = new Pseudonymizer(before);
        Pseudonymizer neu = new Pseudonymizer(after);
        KafkaClients clients = new KafkaClients(before, Optional.empty());
        PseudonymKeyCheck.check(old.fingerprint(), clients, topics);

        try (KafkaStreams core = CoreApp.start(before, topics, state)) {
            CoreApp.send(
                    servers,
                    topics,
                    old.pseudonym(ADULT),
                    Samples.consent(ADULT, "S-A", Consent.GivenBy.YOUNG_PERSON));
            CoreApp.send(servers, topics, old.pseudonym(ADULT), Samples.plan(ADULT, "HP-A"));
            CoreApp.send(
                    servers,
                    topics,
                    old.pseudonym(CHILD),
                    Samples.consent(CHILD, "S-C", Consent.GivenBy.YOUNG_PERSON));
            CoreApp.send(servers, topics, old.pseudonym(CHILD), Samples.plan(CHILD, "HP-C"));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> forms(servers, topics).size() == 1 && held(servers, topics) >= 2);
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    PseudonymRekey.running(
                                                    before,
                                                    clients,
                                                    topics,
                                                    TestProps.systems(before))
                                            .stream()
                                            .noneMatch(p -> p.contains("unprocessed")));
            assertThatThrownBy(() -> rekey(before, clients, topics, old, neu))
                    .as("refused while the core runs")
                    .isInstanceOf(PseudonymRekey.Refused.class)
                    .hasMessageContaining("running member");
        }

        PseudonymRekey.Report report = rekey(before, clients, topics, old, neu);
        assertThat(report.youngPeople()).isEqualTo(2);
        assertThat(report.auditRecords()).as("one end and one start per chain").isEqualTo(4);
        assertThatThrownBy(() -> rekey(before, clients, topics, old, neu))
                .as("a second run")
                .isInstanceOf(PseudonymRekey.Refused.class)
                .hasMessageContaining("already keyed with the new secret");
        for (String store :
                List.of(
                        CoreProcessor.YOUTH,
                        CoreProcessor.CONSENTS,
                        CoreProcessor.HELD,
                        CoreProcessor.DISPATCHES,
                        CoreProcessor.LATEST,
                        CoreProcessor.AUDIT_HEAD)) {
            assertThat(liveKeys(servers, topics.coreChangelog(store)))
                    .as("nothing left under an old pseudonym in " + store)
                    .noneMatch(k -> k.startsWith(old.pseudonym(ADULT)))
                    .noneMatch(k -> k.startsWith(old.pseudonym(CHILD)));
        }
        assertThat(liveKeys(servers, topics.coreChangelog(CoreProcessor.YOUTH)))
                .containsExactlyInAnyOrder(neu.pseudonym(ADULT), neu.pseudonym(CHILD));

        try (KafkaStreams core = CoreApp.start(after, topics, state)) {
            CoreApp.send(
                    servers,
                    topics,
                    neu.pseudonym(CHILD),
                    Samples.consent(CHILD, "S-P", Consent.GivenBy.PARENT));
            CoreApp.send(
                    servers,
                    topics,
                    neu.pseudonym(ADULT),
                    Samples.about(
                            Samples.sample("jobplan"),
                            new YoungPerson(ADULT, null, null),
                            "JP-A",
                            1));
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    forms(servers, topics).size() == 2
                                            && Records.containing(
                                                                    jobcenter(servers, topics),
                                                                    "HP-C")
                                                            .size()
                                                    == 1);
        }

        assertThat(forms(servers, topics))
                .as("the form keeps its document id across the rotation")
                .extracting(f -> f.path("documentId").asText())
                .containsOnly(forms(servers, topics).get(0).path("documentId").asText());
        assertThat(Records.containing(jobcenter(servers, topics), "HP-C"))
                .as("the held plan, released once")
                .hasSize(1);

        AuditTrail trails = new AuditTrail(clients, topics, AuditKeyring.keys(after));
        for (String cpr : List.of(ADULT, CHILD)) {
            AuditTrail.Chain chain = trails.of(neu.pseudonym(cpr));
            assertThat(trails.firstBreak(chain)).as("one unbroken chain").isEmpty();
            List<AuditChain.Record> records = chain.records();
            assertThat(records.get(0).pseudonym()).isEqualTo(old.pseudonym(cpr));
            assertThat(records.get(records.size() - 1).pseudonym()).isEqualTo(neu.pseudonym(cpr));
            AuditChain.Record end =
                    records.stream()
                            .filter(r -> r.action() == AuditChain.Action.REKEYED)
                            .findFirst()
                            .orElseThrow();
            assertThat(end.pseudonym()).isEqualTo(old.pseudonym(cpr));
            assertThat(end.reason()).as("the new key's id").isEqualTo(neu.fingerprint());
            assertThat(end.pseudonymKeyId()).isEqualTo(old.fingerprint());
        }
        assertThat(trails.of(neu.pseudonym(CHILD)).records())
                .extracting(AuditChain.Record::action)
                .containsSubsequence(
                        AuditChain.Action.HELD,
                        AuditChain.Action.REKEYED,
                        AuditChain.Action.REKEYED,
                        AuditChain.Action.RELEASED);
        assertThat(AuditTrail.waiting(trails.of(neu.pseudonym(CHILD)).records()))
                .as("nothing waits for the parent's consent any more (only for dubu, not named)")
                .extracting(AuditTrail.Waiting::target)
                .containsOnly("dubu");
    }

    private static PseudonymRekey.Report rekey(
            HubProperties props,
            KafkaClients clients,
            Topics topics,
            Pseudonymizer from,
            Pseudonymizer to)
            throws Exception {
        return PseudonymRekey.run(
                props,
                clients,
                topics,
                TestProps.systems(props),
                from,
                to,
                AuditKeyring.keys(props),
                Clock.systemUTC());
    }

    private static List<JsonNode> forms(String servers, Topics topics) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r :
                Records.readAll(servers, topics.canonical(DocumentType.GOAL_AGREEMENT))) {
            JsonNode form = CanonicalJson.mapper().readTree(r.value());
            if (form.path("youngPerson").path("cpr").asText().equals(ADULT)) {
                out.add(form);
            }
        }
        return out;
    }

    private static int held(String servers, Topics topics) {
        return Records.containing(Records.readAll(servers, topics.audit()), "\"HELD\"").size();
    }

    private static List<ConsumerRecord<byte[], byte[]>> jobcenter(String servers, Topics topics) {
        return Records.readAll(servers, topics.deliveries(SourceSystem.of("jobcenter")));
    }

    /** The keys of a changelog that hold a value at its end. */
    private static List<String> liveKeys(String servers, String changelog) {
        Map<String, Boolean> live = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : Records.readAll(servers, changelog)) {
            live.put(new String(r.key(), StandardCharsets.UTF_8), r.value() != null);
        }
        return live.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }
}
