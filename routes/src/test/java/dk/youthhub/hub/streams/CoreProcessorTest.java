package dk.youthhub.hub.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.canonical.Assessment;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.canonical.YoungPerson;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.Cpr;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.FileDropFormat;
import dk.youthhub.connector.InboundMapper;
import dk.youthhub.connector.OutboundRenderer;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.core.AuditChain;
import dk.youthhub.hub.core.Withdrawal;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.support.Samples;
import dk.youthhub.hub.support.TestProps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of the core on its topology, with a clock the test moves. */
class CoreProcessorTest {
    private static final Instant START = Instant.parse("2026-06-01T10:00:00Z");

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = START;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @TempDir Path stateDir;
    private final ManualClock clock = new ManualClock();
    private final HubProperties props = TestProps.bind(Map.of("KAFKA_BOOTSTRAP_SERVERS", "x:9092"));
    private final Topics topics = TestProps.topics(props);
    private TopologyTestDriver driver;
    private final Map<DocumentType, TestInputTopic<byte[], byte[]>> in =
            new EnumMap<>(DocumentType.class);

    /**
     * A recipient's deliveries of source documents; those of the documents the hub authors (the
     * form, milestones, meetings) are set aside in {@link #authored} for the tests that are about
     * them.
     */
    private static final class Deliveries {
        private final TestOutputTopic<byte[], byte[]> topic;
        private final List<TestRecord<byte[], byte[]>> authored = new ArrayList<>();
        private final java.util.ArrayDeque<TestRecord<byte[], byte[]>> sources =
                new java.util.ArrayDeque<>();

        Deliveries(TestOutputTopic<byte[], byte[]> topic) {
            this.topic = topic;
        }

        private void drain() {
            for (TestRecord<byte[], byte[]> r : topic.readRecordsToList()) {
                if ("hub".equals(header(r, "ce_source"))) {
                    authored.add(r);
                } else {
                    sources.add(r);
                }
            }
        }

        TestRecord<byte[], byte[]> readRecord() {
            drain();
            return java.util.Objects.requireNonNull(sources.poll(), "no delivery");
        }

        List<TestRecord<byte[], byte[]>> readRecordsToList() {
            drain();
            List<TestRecord<byte[], byte[]>> all = new ArrayList<>(sources);
            sources.clear();
            return all;
        }

        boolean isEmpty() {
            drain();
            return sources.isEmpty();
        }

        /** The deliveries of documents the hub authored, read so far, and forgets them. */
        List<TestRecord<byte[], byte[]>> authored() {
            drain();
            List<TestRecord<byte[], byte[]>> all = new ArrayList<>(authored);
            authored.clear();
            return all;
        }
    }

    private final Map<SourceSystem, Deliveries> deliveries = new java.util.TreeMap<>();
    private TestOutputTopic<byte[], byte[]> audit;
    private TestInputTopic<byte[], byte[]> notices;
    private TestInputTopic<byte[], byte[]> registrations;
    private TestOutputTopic<byte[], byte[]> dead;
    private TestOutputTopic<byte[], byte[]> withdrawals;
    private TestOutputTopic<byte[], byte[]> dispatchIndex;
    private TestOutputTopic<byte[], byte[]> jobcenterOutcomes;
    private TestOutputTopic<byte[], byte[]> unacknowledged;
    private final PoisonRecords poison = new PoisonRecords();

    /** What the core told the metrics it audited. */
    private final List<AuditChain.Entry> audited =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private final java.util.concurrent.atomic.AtomicInteger receiptsNotCounted =
            new java.util.concurrent.atomic.AtomicInteger();

    /** The recipient whose renderer has a defect, if any. */
    private final AtomicReference<SourceSystem> brokenRenderer = new AtomicReference<>();

    private final ConnectorRegistry registry =
            new ConnectorRegistry() {
                @Override
                public Connector of(SourceSystem system) {
                    Connector real = super.of(system);
                    return new Connector() {
                        @Override
                        public ConnectorDescriptor descriptor() {
                            return real.descriptor();
                        }

                        @Override
                        public Optional<InboundMapper> inboundMapper() {
                            return real.inboundMapper();
                        }

                        @Override
                        public OutboundRenderer renderer() {
                            return (d, handover) -> {
                                if (system.equals(brokenRenderer.get())) {
                                    throw new IllegalStateException("a defect");
                                }
                                return real.renderer().render(d, handover);
                            };
                        }

                        @Override
                        public Optional<FileDropFormat> fileDrop() {
                            return real.fileDrop();
                        }
                    };
                }
            };
    private TestOutputTopic<byte[], byte[]> held;
    private TestOutputTopic<byte[], byte[]> milestoneTopic;
    private final List<JsonNode> auditSeen = new ArrayList<>();

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "core-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver =
                new TopologyTestDriver(
                        CoreTopology.build(
                                props,
                                topics,
                                new Systems(registry, props),
                                TestProps.signing(props),
                                receiptsNotCounted::incrementAndGet,
                                audited::add,
                                poison,
                                clock),
                        config,
                        START);
        notices =
                driver.createInputTopic(
                        topics.notices(), new ByteArraySerializer(), new ByteArraySerializer());
        registrations =
                driver.createInputTopic(
                        topics.registrations(),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
        for (DocumentType t : DocumentType.values()) {
            in.put(
                    t,
                    driver.createInputTopic(
                            topics.canonical(t),
                            new ByteArraySerializer(),
                            new ByteArraySerializer()));
        }
        for (SourceSystem s :
                TestProps.systems(props).enabled().stream()
                        .map(Systems.HubSystem::system)
                        .toList()) {
            deliveries.put(
                    s,
                    new Deliveries(
                            driver.createOutputTopic(
                                    topics.deliveries(s),
                                    new ByteArrayDeserializer(),
                                    new ByteArrayDeserializer())));
        }
        audit =
                driver.createOutputTopic(
                        topics.audit(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        milestoneTopic =
                driver.createOutputTopic(
                        topics.canonical(DocumentType.MILESTONE),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        held =
                driver.createOutputTopic(
                        topics.held(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        jobcenterOutcomes =
                driver.createOutputTopic(
                        topics.outcomes(SourceSystem.of("jobcenter")).orElseThrow(),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        dispatchIndex =
                driver.createOutputTopic(
                        topics.dispatchIndex(),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        unacknowledged =
                driver.createOutputTopic(
                        topics.unacknowledged(),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        withdrawals =
                driver.createOutputTopic(
                        topics.withdrawals(),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        dead =
                driver.createOutputTopic(
                        topics.deadLetter(),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aDefectForOneRecipientLeavesTheOthersDeliveredAndItsReplayDeliversOnce() throws Exception {
        Person p = person(LocalDate.of(2006, 1, 1)); // 20
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter", "uu"),
                        "all",
                        START_DAY));
        brokenRenderer.set(SourceSystem.of("uu"));
        CanonicalDocument a = assessment(p, "U-1");
        send(a);

        assertThat(deliveries.get(SourceSystem.of("jobcenter")).readRecordsToList()).hasSize(1);
        assertThat(deliveries.get(SourceSystem.of("uu")).isEmpty()).isTrue();
        List<TestRecord<byte[], byte[]>> letters = dead.readRecordsToList();
        assertThat(letters).hasSize(1);
        TestRecord<byte[], byte[]> letter = letters.get(0);
        assertThat(header(letter, "hub_error_code")).isEqualTo("PROCESSING_FAILED");
        assertThat(header(letter, "hub_target")).isEqualTo("uu");
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(p.pseudonym);
        assertThat(actions(p)).contains("DISPATCHED>jobcenter").doesNotContain("DISPATCHED>uu");

        send(a); // the same event again: it was processed, its outcome committed
        assertThat(allDeliveries()).isEmpty();
        assertThat(dead.isEmpty()).isTrue();

        brokenRenderer.set(null);
        replay(letter, "0-17");
        replay(letter, "0-17"); // the same replay twice: processed once
        assertThat(deliveries.get(SourceSystem.of("uu")).readRecordsToList()).hasSize(1);
        assertThat(allDeliveries()).as("the replay is for its recipient alone").isEmpty();
        assertThat(actions(p))
                .containsSubsequence("DISPATCHED>jobcenter", "RECEIVED:REPLAY", "DISPATCHED>uu");
        assertThat(actions(p).stream().filter(x -> x.startsWith("DISPATCHED"))).hasSize(2);
    }

    @Test
    void aDeliveryTooLargeForOneRecipientIsDeadLetteredForItAloneAndTheCoreGoesOn()
            throws Exception {
        Person p = person(LocalDate.of(2006, 1, 1)); // 20
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("dubu", "jobcenter"),
                        "all",
                        START_DAY));
        // 300,000 ampersands: DUBU's XML escapes each to five bytes, over the 512 KiB limit
        ObjectNode json = CanonicalJson.mapper().valueToTree(handleplanFrom(p, "dhuv-big"));
        ((ObjectNode) json.get("handleplan").get("goals").get(0)).put("text", "&".repeat(300_000));
        send(CanonicalJson.mapper().treeToValue(json, CanonicalDocument.class));
        send(handleplanFrom(p, "dhuv-small"));

        List<TestRecord<byte[], byte[]>> letters = dead.readRecordsToList();
        assertThat(letters).hasSize(1);
        assertThat(header(letters.get(0), "hub_error_code")).isEqualTo("TOO_LARGE");
        assertThat(header(letters.get(0), "hub_target")).isEqualTo("dubu");
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).readRecordsToList())
                .as("the big plan to the job centre, then the small one")
                .hasSize(2);
        assertThat(deliveries.get(SourceSystem.of("dubu")).readRecordsToList())
                .as("only the small plan fits DUBU")
                .hasSize(1);
    }

    @Test
    void aHeldDocumentTooLargeForOneRecipientDoesNotFailTheConsentThatReleasesIt()
            throws Exception {
        Person p = person(LocalDate.of(2006, 1, 1)); // 20
        ObjectNode json = CanonicalJson.mapper().valueToTree(handleplanFrom(p, "dhuv-big"));
        ((ObjectNode) json.get("handleplan").get("goals").get(0)).put("text", "&".repeat(300_000));
        send(CanonicalJson.mapper().treeToValue(json, CanonicalDocument.class)); // held: no consent
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("dubu", "jobcenter"),
                        "all",
                        START_DAY));
        send(handleplanFrom(p, "dhuv-small"));

        List<TestRecord<byte[], byte[]>> letters = dead.readRecordsToList();
        assertThat(letters).hasSize(1);
        assertThat(header(letters.get(0), "hub_error_code")).isEqualTo("TOO_LARGE");
        assertThat(header(letters.get(0), "hub_target")).isEqualTo("dubu");
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).readRecordsToList())
                .as("the released big plan, then the small one: the consent was stored")
                .hasSize(2);
        assertThat(deliveries.get(SourceSystem.of("dubu")).readRecordsToList()).hasSize(1);
        assertThat(actions(p)).contains("RELEASED>jobcenter").doesNotContain("RELEASED>dubu");
    }

    @Test
    void anInputWhoseOutputKafkaRefusedIsDeadLetteredWithoutItsValueTheSecondTime()
            throws Exception {
        Person p = person(LocalDate.of(2006, 1, 1));
        poison.failed(topics.canonical(DocumentType.HANDLEPLAN), 0, 0, ErrorCode.TOO_LARGE);
        poison.failed(topics.canonical(DocumentType.HANDLEPLAN), 0, 0, ErrorCode.TOO_LARGE);
        send(handleplanFrom(p, "dhuv-refused"));
        send(handleplanFrom(p, "dhuv-next"));

        List<TestRecord<byte[], byte[]>> letters = dead.readRecordsToList();
        assertThat(letters).hasSize(1);
        assertThat(header(letters.get(0), "hub_error_code")).isEqualTo("TOO_LARGE");
        assertThat(header(letters.get(0), "hub_value_omitted")).isEqualTo("true");
        assertThat(letters.get(0).value()).isNull();
        assertThat(poison.size()).isZero();
        assertThat(actions(p)).containsOnlyOnce("RECEIVED");
    }

    @Test
    void anUnreadableCanonicalRecordIsDeadLetteredAndTheOnesBehindGoOn() throws Exception {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        in.get(DocumentType.HANDLEPLAN).pipeInput("p-x".getBytes(StandardCharsets.UTF_8), garbage);
        in.get(DocumentType.HANDLEPLAN).pipeInput((byte[]) null, garbage);

        List<TestRecord<byte[], byte[]>> letters = dead.readRecordsToList();
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).value()).isEqualTo(garbage);
        assertThat(header(letters.get(0), "hub_error_code")).isEqualTo("MALFORMED");
        assertThat(header(letters.get(0), "hub_source_topic"))
                .isEqualTo(topics.canonical(DocumentType.HANDLEPLAN));

        Person p = person(LocalDate.of(2005, 5, 5));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        send(handleplan(p, "HP-1", 1));
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).readRecordsToList()).hasSize(1);
    }

    @Test
    void outsideFifteenToTwentyThreeNothingIsDeliveredAndTheRejectionIsAudited() throws Exception {
        Person p = person(LocalDate.of(2002, 3, 1)); // 24
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter", "uu", "dhuv"),
                        "all",
                        START_DAY));
        send(assessment(p, "U-1"));
        assertThat(allDeliveries()).isEmpty();
        assertThat(actions(p)).containsExactly("RECEIVED", "RECEIVED", "REJECTED:OUT_OF_SCOPE");
    }

    @Test
    void anAdultsConsentDeliversMinimisedToItsRecipientAndOthersWait() throws Exception {
        Person p = person(LocalDate.of(2006, 1, 1)); // 20
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        send(assessment(p, "U-1"));

        List<TestRecord<byte[], byte[]>> job =
                deliveries.get(SourceSystem.of("jobcenter")).readRecordsToList();
        assertThat(job).hasSize(1);
        String delivery = new String(job.get(0).value(), StandardCharsets.UTF_8);
        assertThat(delivery)
                .contains("Stort fravær")
                .doesNotContain("Søvnproblemer", "Sporadisk kontakt til far");
        assertThat(new String(job.get(0).key(), StandardCharsets.UTF_8)).isEqualTo(p.pseudonym);
        assertThat(header(job.get(0), "ce_subject")).isEqualTo(p.pseudonym);
        assertThat(deliveries.get(SourceSystem.of("dubu")).isEmpty())
                .as("never back to its source")
                .isTrue();
        assertThat(held.readRecordsToList())
                .extracting(r -> header(r, "hub_target"))
                .containsExactlyInAnyOrder("dhuv", "uu");
        assertThat(actions(p))
                .containsExactly(
                        "RECEIVED",
                        "RECEIVED",
                        "HELD>dhuv:NO_CONSENT",
                        "DISPATCHED>jobcenter",
                        "HELD>uu:NO_CONSENT");
        assertThat(lastAudit("DISPATCHED").get("consentIds"))
                .extracting(JsonNode::asText)
                .containsExactly("S-1");

        // the job centre's answer comes back as a notice: the chain says what became of it
        String ceId = header(job.get(0), "ce_id");
        notice(
                p.pseudonym,
                new Notice(
                        AuditChain.Action.DELIVERED,
                        ceId,
                        null,
                        null,
                        null,
                        null,
                        "jobcenter",
                        null));
        assertThat(actions(p)).endsWith("DELIVERED>jobcenter");
        JsonNode delivered = lastAudit("DELIVERED");
        assertThat(delivered.get("documentId").asText())
                .isEqualTo(lastAudit("DISPATCHED").get("documentId").asText());
        assertThat(delivered.get("documentVersion").asLong()).isPositive();
        assertThat(delivered.get("keyId").asText()).hasSize(16);
    }

    @Test
    void aRevocationWithdrawsWhatWasDispatchedOnItAndTheStageSaysItWasNotSent() throws Exception {
        Person p = person(LocalDate.of(2005, 5, 5));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter", "uu"),
                        "all",
                        START_DAY));
        send(handleplan(p, "HP-1", 1));
        String ceId = header(deliveries.get(SourceSystem.of("jobcenter")).readRecord(), "ce_id");
        assertThat(withdrawals.isEmpty()).isTrue();

        send(
                consent(
                        p,
                        "S-1",
                        2,
                        Consent.Status.REVOKED,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter", "uu"),
                        "all",
                        START_DAY));
        TestRecord<byte[], byte[]> withdrawal = withdrawals.readRecord();
        assertThat(new String(withdrawal.key(), StandardCharsets.UTF_8)).isEqualTo(ceId);
        assertThat(withdrawalReason(withdrawal)).isEqualTo("CONSENT_REVOKED");
        assertThat(withdrawals.isEmpty())
                .as("only the HTTP delivery waits for its outcome; UU's was written")
                .isTrue();

        notice(
                p.pseudonym,
                new Notice(
                        AuditChain.Action.REJECTED,
                        ceId,
                        null,
                        null,
                        null,
                        null,
                        "jobcenter",
                        "CONSENT_REVOKED"));
        assertThat(actions(p)).endsWith("REJECTED>jobcenter:CONSENT_REVOKED");
        assertThat(lastAudit("REJECTED").get("documentId").asText()).endsWith(":HP-1");
    }

    @Test
    void aQueuedPostWhoseConsentEndsGoesBackToHeldAndANewConsentSendsItOnce() throws Exception {
        Person p = person(LocalDate.of(2005, 5, 5));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY,
                        START_DAY));
        send(handleplan(p, "HP-1", 1));
        TestRecord<byte[], byte[]> first =
                deliveries.get(SourceSystem.of("jobcenter")).readRecord();
        String ceId = header(first, "ce_id");
        driver.advanceWallClockTime(props.receipts().checkInterval());
        assertThat(withdrawals.isEmpty()).as("still valid today").isTrue();

        clock.now = clock.now.plus(Duration.ofDays(1));
        driver.advanceWallClockTime(props.receipts().checkInterval());
        TestRecord<byte[], byte[]> withdrawal = withdrawals.readRecord();
        assertThat(new String(withdrawal.key(), StandardCharsets.UTF_8)).isEqualTo(ceId);
        Withdrawal w = Withdrawal.parse(new String(withdrawal.value(), StandardCharsets.UTF_8));
        assertThat(w.reason()).isEqualTo("NOT_COVERED");
        assertThat(w.of(first.timestamp())).as("withdraws the queued dispatch").isPresent();
        driver.advanceWallClockTime(props.receipts().checkInterval());
        assertThat(withdrawals.isEmpty()).as("once").isTrue();

        notice(
                p.pseudonym,
                new Notice(
                        AuditChain.Action.REJECTED,
                        ceId,
                        null,
                        null,
                        null,
                        null,
                        "jobcenter",
                        "NOT_COVERED"));
        assertThat(actions(p)).endsWith("HELD>jobcenter:NO_CONSENT");

        send(
                consent(
                        p,
                        "S-2",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        TestRecord<byte[], byte[]> again =
                deliveries.get(SourceSystem.of("jobcenter")).readRecord();
        assertThat(header(again, "ce_id")).as("the same delivery, the same key").isEqualTo(ceId);
        assertThat(w.of(again.timestamp())).as("the new dispatch is not withdrawn").isEmpty();
        assertThat(actions(p))
                .containsSubsequence("HELD>jobcenter:NO_CONSENT", "RELEASED>jobcenter");
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).isEmpty()).isTrue();
    }

    @Test
    void aConsentNarrowedAfterAPostWasQueuedWithdrawsIt() throws Exception {
        Person p = person(LocalDate.of(2005, 5, 5));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter", "uu"),
                        "all",
                        START_DAY));
        send(handleplan(p, "HP-1", 1));
        String ceId = header(deliveries.get(SourceSystem.of("jobcenter")).readRecord(), "ce_id");
        send(
                consent(
                        p,
                        "S-1",
                        2,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("uu"),
                        "all",
                        START_DAY));
        TestRecord<byte[], byte[]> withdrawal = withdrawals.readRecord();
        assertThat(new String(withdrawal.key(), StandardCharsets.UTF_8)).isEqualTo(ceId);
        assertThat(withdrawalReason(withdrawal)).isEqualTo("NOT_COVERED");
        assertThat(withdrawals.isEmpty()).isTrue();
    }

    @Test
    void theFormConsolidatesPlansJobplanAndMeetingWithProvenanceMinimisedPerRecipient()
            throws Exception {
        Person p = person(LocalDate.of(2008, 1, 1));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter", "dubu"),
                        "all",
                        START_DAY));
        send(
                consent(
                        p,
                        "S-2",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("uu"),
                        "handleplan",
                        START_DAY));
        send(handleplan(p, "HP-1", 1));
        send(jobplan(p, "JP-1", 1));
        send(withPerson(sample("education-status"), p, "U-1", 1));
        send(withPerson(sample("meeting"), p, "3b7e6c1a-5d2f-4c8e-9a61-2f0d8e4b7c15", 1));

        JsonNode form =
                last(deliveries.get(SourceSystem.of("jobcenter")).authored(), "goal-agreement");
        List<String> goals = texts(form.at("/goalsAndAgreements/goals"));
        assertThat(goals)
                .contains(
                        "Færre konflikter i skolen",
                        "Optagelse på HF-enkeltfag til januar",
                        "Fritidsjob i Føtex")
                .as("a health goal from DUBU is withheld from the job centre")
                .doesNotContain("Søvnrytme & kost");
        assertThat(texts(form.at("/goalsAndAgreements/agreements")))
                .contains("Søger optagelse på EUD")
                .doesNotContain("Samvær med mor hver anden weekend");
        form.at("/goalsAndAgreements/goals")
                .forEach(g -> assertThat(g.at("/origin/documentId").asText()).isNotEmpty());
        assertThat(form.at("/goalsAndAgreements/educationStatus/origin/system").asText())
                .isEqualTo("uu");
        assertThat(form.at("/goalsAndAgreements/goals/0/origin/system").asText()).isEqualTo("dubu");

        String dubuForm =
                new String(
                        deliveries.get(SourceSystem.of("dubu")).authored().stream()
                                .filter(r -> header(r, "ce_type").contains("goal-agreement"))
                                .reduce((a, b) -> b)
                                .orElseThrow()
                                .value(),
                        StandardCharsets.UTF_8);
        assertThat(dubuForm).as("DUBU's own health goal, in its own XML").contains("Søvnrytme");
        assertThat(deliveries.get(SourceSystem.of("uu")).authored())
                .as("UU's consent names plans only: no form, meeting or milestone")
                .isEmpty();
        assertThat(actions(p, true)).contains("HELD>uu:NO_CONSENT");

        long version = form.get("version").asLong();
        send(handleplan(p, "HP-1", 2));
        JsonNode next =
                last(deliveries.get(SourceSystem.of("jobcenter")).authored(), "goal-agreement");
        assertThat(next.get("version").asLong()).isEqualTo(version + 1);
        assertThat(next.at("/goalsAndAgreements/goals/0/origin/version").asLong()).isEqualTo(2);
    }

    @Test
    void atSeventeenAndAHalfTheAdultSystemGetsTheHandoverOnceAndTheMilestoneIsActedOnOnce()
            throws Exception {
        // 17½ tomorrow: born 2 December 2008, as the test's day is 1 June 2026
        Person p = person(LocalDate.of(2008, 12, 2));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("dhuv", "jobcenter"),
                        "all",
                        START_DAY));
        send(
                consent(
                        p,
                        "S-2",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.PARENT,
                        List.of("dhuv", "jobcenter"),
                        "all",
                        START_DAY));
        send(handleplan(p, "HP-1", 1));
        assertThat(deliveries.get(SourceSystem.of("dhuv")).isEmpty())
                .as("before 17½ the adult system gets nothing")
                .isTrue();
        driver.advanceWallClockTime(props.core().releaseCheckInterval());
        assertThat(deliveries.get(SourceSystem.of("dhuv")).authored()).isEmpty();

        clock.now = clock.now.plus(Duration.ofDays(1));
        driver.advanceWallClockTime(props.core().releaseCheckInterval());
        List<TestRecord<byte[], byte[]>> toAdult =
                deliveries.get(SourceSystem.of("dhuv")).readRecordsToList();
        assertThat(toAdult).hasSize(1);
        assertThat(header(toAdult.get(0), "hub_handover")).isEqualTo("true");
        JsonNode plan = CanonicalJson.mapper().readTree(toAdult.get(0).value());
        assertThat(plan.get("overdragelse").asBoolean()).isTrue();
        assertThat(plan.get("dokument_id").asText()).endsWith(":HP-1");
        List<TestRecord<byte[], byte[]>> authored =
                deliveries.get(SourceSystem.of("dhuv")).authored();
        assertThat(authored).filteredOn(r -> header(r, "ce_type").contains("milestone")).hasSize(1);
        assertThat(authored)
                .as("the form goes in the handover too")
                .anyMatch(
                        r ->
                                header(r, "ce_type").contains("goal-agreement")
                                        && "true".equals(header(r, "hub_handover")));
        assertThat(actions(p)).contains("DISPATCHED>dhuv:HANDOVER");

        clock.now = clock.now.plus(Duration.ofDays(1));
        driver.advanceWallClockTime(props.core().releaseCheckInterval());
        assertThat(deliveries.get(SourceSystem.of("dhuv")).isEmpty()).isTrue();
        assertThat(deliveries.get(SourceSystem.of("dhuv")).authored())
                .as("each milestone once; the handover once")
                .isEmpty();
    }

    @Test
    void withoutConsentForTheAdultSystemTheHandoverIsHeldNotSent() throws Exception {
        Person p = person(LocalDate.of(2008, 12, 2));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        send(handleplan(p, "HP-1", 1));
        clock.now = clock.now.plus(Duration.ofDays(1));
        driver.advanceWallClockTime(props.core().releaseCheckInterval());
        assertThat(deliveries.get(SourceSystem.of("dhuv")).isEmpty()).isTrue();
        assertThat(deliveries.get(SourceSystem.of("dhuv")).authored()).isEmpty();
        assertThat(actions(p)).contains("HELD>dhuv:NO_CONSENT");

        send(
                consent(
                        p,
                        "S-2",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("dhuv"),
                        "all",
                        START_DAY));
        send(
                consent(
                        p,
                        "S-3",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.PARENT,
                        List.of("dhuv"),
                        "all",
                        START_DAY));
        List<TestRecord<byte[], byte[]>> released =
                deliveries.get(SourceSystem.of("dhuv")).readRecordsToList();
        assertThat(released).hasSize(1);
        assertThat(header(released.get(0), "hub_handover"))
                .as("released from held, still marked as the handover")
                .isEqualTo("true");
    }

    @Test
    void milestonesBeforeTheYoungPersonEnteredAreNeverActedOnAndTwentyThreeEndsTheRecord()
            throws Exception {
        // 23 tomorrow: every other milestone is before the day the hub first hears of them
        Person p = person(LocalDate.of(2003, 6, 2));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter", "dhuv"),
                        "all",
                        START_DAY));
        send(handleplanFrom(p, "HP-A"));
        driver.advanceWallClockTime(props.core().releaseCheckInterval());
        assertThat(milestones()).isEmpty();

        clock.now = clock.now.plus(Duration.ofDays(1));
        driver.advanceWallClockTime(props.core().releaseCheckInterval());
        assertThat(milestones()).containsExactly("OUT_OF_SCOPE_23");
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).authored())
                .noneMatch(r -> header(r, "ce_type").contains("milestone"));
        assertThat(actions(p, true))
                .as("written and audited, delivered to no one")
                .contains("RECEIVED")
                .noneMatch(a -> a.startsWith("DISPATCHED") && a.contains("milestone"));
        driver.advanceWallClockTime(props.core().releaseCheckInterval());
        assertThat(milestones()).isEmpty();
        assertThat(
                        driver.<String, byte[]>getKeyValueStore(CoreProcessor.LATEST)
                                .prefixScan(p.pseudonym + "|", new StringSerializer())
                                .hasNext())
                .as("past 23 only the counts stay")
                .isFalse();
        JsonNode youth =
                CanonicalJson.mapper()
                        .readTree(
                                driver.<String, byte[]>getKeyValueStore(CoreProcessor.YOUTH)
                                        .get(p.pseudonym));
        assertThat(youth.get("former").asBoolean()).isTrue();
        assertThat(youth.hasNonNull("cpr")).isFalse();
    }

    @Test
    void anErasureLeavesNothingOfThePersonInTheStateOthersUntouchedAndTheChainWhole()
            throws Exception {
        Person erased = person(LocalDate.of(2005, 5, 5));
        Person other = person(LocalDate.of(2006, 6, 6));
        for (Person p : List.of(erased, other)) {
            send(
                    consent(
                            p,
                            "S-" + p.pseudonym,
                            1,
                            Consent.Status.GIVEN,
                            Consent.GivenBy.YOUNG_PERSON,
                            List.of("jobcenter"),
                            "all",
                            START_DAY));
            send(handleplan(p, "HP-" + p.pseudonym, 1));
            send(jobplan(p, "JP-" + p.pseudonym, 1));
        }
        String ceId = header(deliveries.get(SourceSystem.of("jobcenter")).readRecord(), "ce_id");
        assertThat(state(erased.pseudonym))
                .as("held, consents, dispatches, latest, record")
                .isNotEmpty();

        registrations.pipeInput(
                erased.pseudonym.getBytes(StandardCharsets.UTF_8),
                "{\"erase\":{\"reason\":\"Anmodning fra den unge\"}}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(state(erased.pseudonym)).isEmpty();
        assertThat(state(other.pseudonym)).isNotEmpty();
        KeyValueStore<String, String> versions = driver.getKeyValueStore(CoreProcessor.VERSIONS);
        assertThat(versions.get("dubu:handleplan:HP-" + erased.pseudonym)).isNull();
        assertThat(versions.get("dubu:handleplan:HP-" + other.pseudonym)).isNotNull();
        assertThat(actions(erased, true)).endsWith("ERASED:Anmodning fra den unge");
        List<TestRecord<byte[], byte[]>> withdrawn = withdrawals.readRecordsToList();
        assertThat(withdrawn)
                .as("a queued POST about the person is withdrawn")
                .anyMatch(
                        w ->
                                new String(w.key(), StandardCharsets.UTF_8).equals(ceId)
                                        && withdrawalReason(w).equals("ERASED"));
        List<AuditChain.Record> chain = new ArrayList<>();
        for (JsonNode a : auditSeen) {
            if (a.get("pseudonym").asText().equals(erased.pseudonym)) {
                chain.add(CanonicalJson.mapper().treeToValue(a, AuditChain.Record.class));
            }
        }
        assertThat(AuditChain.firstBreak(chain, TestProps.signing(props).keys())).isEmpty();
        assertThat(auditSeen.toString()).doesNotContain(erased.cpr);
    }

    @Test
    void aFormerYoungPersonIsErasedByTheRuleYearsAfterTwentyThree() throws Exception {
        Person p = person(LocalDate.of(2003, 6, 2));
        send(handleplanFrom(p, "HP-A"));
        clock.now = clock.now.plus(Duration.ofDays(1));
        driver.advanceWallClockTime(props.core().releaseCheckInterval());
        assertThat(driver.<String, byte[]>getKeyValueStore(CoreProcessor.YOUTH).get(p.pseudonym))
                .as("former: the counts stay")
                .isNotNull();
        clock.now = clock.now.plus(Duration.ofDays(365L * props.core().erasureAfterYears() - 2));
        driver.advanceWallClockTime(props.core().releaseCheckInterval());
        assertThat(driver.<String, byte[]>getKeyValueStore(CoreProcessor.YOUTH).get(p.pseudonym))
                .as("not yet")
                .isNotNull();
        clock.now = clock.now.plus(Duration.ofDays(3));
        driver.advanceWallClockTime(props.core().releaseCheckInterval());
        assertThat(driver.<String, byte[]>getKeyValueStore(CoreProcessor.YOUTH).get(p.pseudonym))
                .isNull();
        assertThat(state(p.pseudonym)).isEmpty();
        assertThat(actions(p, true)).endsWith("ERASED:RETENTION_RULE");
    }

    /** Every entry of the core's per-person stores under a pseudonym. */
    private List<String> state(String pseudonym) {
        List<String> keys = new ArrayList<>();
        for (String store :
                List.of(
                        CoreProcessor.CONSENTS,
                        CoreProcessor.HELD,
                        CoreProcessor.DISPATCHES,
                        CoreProcessor.LATEST)) {
            try (var it =
                    driver.<String, byte[]>getKeyValueStore(store)
                            .prefixScan(pseudonym + "|", new StringSerializer())) {
                it.forEachRemaining(kv -> keys.add(store + ":" + kv.key));
            }
        }
        if (driver.<String, byte[]>getKeyValueStore(CoreProcessor.YOUTH).get(pseudonym) != null) {
            keys.add("youth");
        }
        return keys;
    }

    private List<String> milestones() throws Exception {
        List<String> out = new ArrayList<>();
        for (TestRecord<byte[], byte[]> r : milestoneTopic.readRecordsToList()) {
            out.add(CanonicalJson.mapper().readTree(r.value()).at("/milestone/milestone").asText());
        }
        return out;
    }

    private static JsonNode last(List<TestRecord<byte[], byte[]>> records, String type)
            throws Exception {
        TestRecord<byte[], byte[]> found =
                records.stream()
                        .filter(r -> header(r, "ce_type").contains("." + type + "."))
                        .reduce((a, b) -> b)
                        .orElseThrow(() -> new AssertionError("no " + type + " delivered"));
        return CanonicalJson.mapper().readTree(found.value());
    }

    private static List<String> texts(JsonNode parts) {
        List<String> out = new ArrayList<>();
        parts.forEach(x -> out.add(x.get("text").asText()));
        return out;
    }

    @Test
    void aReceiptOnTheRecipientsOwnTopicDeliversTheFirstCountsAndLateOnesStillTell()
            throws Exception {
        Person p = person(LocalDate.of(2005, 5, 5));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("dubu", "uu"),
                        "all",
                        START_DAY));
        send(jobplan(p, "JP-1", 1));
        String dubuCeId = header(deliveries.get(SourceSystem.of("dubu")).readRecord(), "ce_id");
        TestRecord<byte[], byte[]> indexed = dispatchIndex.readRecord();
        assertThat(new String(indexed.key(), StandardCharsets.UTF_8)).isEqualTo(dubuCeId);
        assertThat(new String(indexed.value(), StandardCharsets.UTF_8)).isEqualTo(p.pseudonym);
        assertThat(dispatchIndex.isEmpty())
                .as("UU sends no receipts: nothing to wait for")
                .isTrue();

        Notice onAnotherTopic =
                new Notice(
                        AuditChain.Action.DELIVERED,
                        dubuCeId,
                        null,
                        null,
                        null,
                        null,
                        "dhuv",
                        CoreProcessor.RECEIPT);
        notice(p.pseudonym, onAnotherTopic);
        assertThat(actions(p)).noneMatch(a -> a.startsWith("DELIVERED"));
        assertThat(receiptsNotCounted.get()).as("counted as not counting").isEqualTo(1);

        Notice receipt =
                new Notice(
                        AuditChain.Action.DELIVERED,
                        dubuCeId,
                        null,
                        null,
                        null,
                        null,
                        "dubu",
                        CoreProcessor.RECEIPT);
        notice(p.pseudonym, receipt);
        notice(p.pseudonym, receipt);
        assertThat(receiptsNotCounted.get()).as("the second receipt").isEqualTo(2);
        assertThat(actions(p).stream().filter(a -> a.startsWith("DELIVERED")))
                .containsExactly("DELIVERED>dubu:RECEIPT");
        assertThat(lastAudit("DELIVERED").get("documentId").asText()).endsWith(":JP-1");

        // the job centre, which sent the plan, is told what became of its event
        List<String> told = new ArrayList<>();
        String eventId = null;
        for (TestRecord<byte[], byte[]> r : jobcenterOutcomes.readRecordsToList()) {
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(p.pseudonym);
            JsonNode o = CanonicalJson.mapper().readTree(r.value());
            assertThat(o.toString()).doesNotContain(p.cpr);
            eventId = eventId == null ? o.get("event_id").asText() : eventId;
            assertThat(o.get("event_id").asText()).isEqualTo(eventId);
            told.add(
                    o.get("outcome").asText()
                            + (o.hasNonNull("target") ? ">" + o.get("target").asText() : "")
                            + (o.hasNonNull("code") ? ":" + o.get("code").asText() : ""));
        }
        assertThat(told)
                .containsExactlyInAnyOrder(
                        "ACCEPTED",
                        "DISPATCHED>dubu",
                        "DISPATCHED>uu",
                        "HELD>dhuv:NO_CONSENT",
                        "DELIVERED>dubu:RECEIPT");

        // a second document gets no receipt: UNACKNOWLEDGED after the timeout, listed until a
        // late receipt comes
        send(jobplan(p, "JP-2", 1));
        String late = header(deliveries.get(SourceSystem.of("dubu")).readRecord(), "ce_id");
        clock.now = clock.now.plus(props.receipts().timeout()).plusSeconds(1);
        driver.advanceWallClockTime(props.receipts().checkInterval());
        assertThat(actions(p)).endsWith("UNACKNOWLEDGED>dubu:NO_RECEIPT");
        TestRecord<byte[], byte[]> listed = unacknowledged.readRecord();
        assertThat(new String(listed.key(), StandardCharsets.UTF_8)).isEqualTo(late);
        assertThat(new String(listed.value(), StandardCharsets.UTF_8))
                .contains(":JP-2", "\"target\":\"dubu\"", p.pseudonym);
        driver.advanceWallClockTime(props.receipts().checkInterval());
        assertThat(actions(p).stream().filter(a -> a.startsWith("UNACKNOWLEDGED")))
                .as("once")
                .hasSize(1);

        notice(
                p.pseudonym,
                new Notice(
                        AuditChain.Action.DELIVERED,
                        late,
                        null,
                        null,
                        null,
                        null,
                        "dubu",
                        CoreProcessor.RECEIPT));
        assertThat(actions(p)).endsWith("DELIVERED>dubu:RECEIPT");
        TestRecord<byte[], byte[]> removed = unacknowledged.readRecord();
        assertThat(new String(removed.key(), StandardCharsets.UTF_8)).isEqualTo(late);
        assertThat(removed.value()).isNull();
    }

    @Test
    void aRejectingReceiptFailsTheDeliveryAndDeadLettersItForThatRecipientToReplay()
            throws Exception {
        Person p = person(LocalDate.of(2005, 5, 5));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("dubu"),
                        "all",
                        START_DAY));
        send(jobplan(p, "JP-9", 1));
        TestRecord<byte[], byte[]> delivered = deliveries.get(SourceSystem.of("dubu")).readRecord();
        notice(
                p.pseudonym,
                new Notice(
                        AuditChain.Action.DELIVERY_FAILED,
                        header(delivered, "ce_id"),
                        null,
                        null,
                        null,
                        null,
                        "dubu",
                        CoreProcessor.RECEIPT_REJECTED));
        assertThat(actions(p)).endsWith("DELIVERY_FAILED>dubu:RECEIPT_REJECTED");
        TestRecord<byte[], byte[]> letter = dead.readRecord();
        assertThat(header(letter, "hub_error_code")).isEqualTo("DELIVERY_FAILED");
        assertThat(header(letter, "hub_target")).isEqualTo("dubu");
        assertThat(header(letter, "hub_value_omitted")).isEqualTo("true");
        assertThat(header(letter, "hub_source_topic"))
                .isEqualTo(topics.canonical(DocumentType.JOBPLAN));
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(p.pseudonym);
    }

    @Test
    void aPostNotMadeByTheDayTheYoungPersonLeavesScopeIsWithdrawn() throws Exception {
        Person p = person(START_DAY.minusYears(23).plusDays(2));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        send(handleplan(p, "HP-1", 1));
        String ceId = header(deliveries.get(SourceSystem.of("jobcenter")).readRecord(), "ce_id");
        driver.advanceWallClockTime(props.receipts().checkInterval());
        assertThat(withdrawals.isEmpty()).as("still in scope").isTrue();

        clock.now = clock.now.plus(Duration.ofDays(3));
        driver.advanceWallClockTime(props.receipts().checkInterval());
        TestRecord<byte[], byte[]> withdrawal = withdrawals.readRecord();
        assertThat(new String(withdrawal.key(), StandardCharsets.UTF_8)).isEqualTo(ceId);
        assertThat(withdrawalReason(withdrawal)).isEqualTo("OUT_OF_SCOPE");
        driver.advanceWallClockTime(props.receipts().checkInterval());
        assertThat(withdrawals.isEmpty()).as("once").isTrue();
    }

    @Test
    void deliveryFailuresAndDeadLettersOfOtherStagesGoIntoTheRightChain() throws Exception {
        Person p = person(LocalDate.of(2005, 5, 5));
        notice(
                p.pseudonym,
                new Notice(
                        AuditChain.Action.DELIVERY_FAILED,
                        "no-such-dispatch",
                        null,
                        null,
                        null,
                        null,
                        "jobcenter",
                        "DELIVERY_FAILED"));
        assertThat(actions(p)).containsExactly("DELIVERY_FAILED>jobcenter:DELIVERY_FAILED");
        notice(
                "unidentified",
                new Notice(
                        AuditChain.Action.DEAD_LETTERED,
                        null,
                        null,
                        null,
                        null,
                        "dubu",
                        null,
                        "MALFORMED"));
        actions(p); // reads what the core wrote
        assertThat(auditSeen)
                .filteredOn(a -> a.get("pseudonym").asText().equals("unidentified"))
                .singleElement()
                .satisfies(a -> assertThat(a.get("source").asText()).isEqualTo("dubu"));
        List<AuditChain.Record> chain = new ArrayList<>();
        for (JsonNode a : auditSeen) {
            if (a.get("pseudonym").asText().equals(p.pseudonym)) {
                chain.add(CanonicalJson.mapper().treeToValue(a, AuditChain.Record.class));
            }
        }
        assertThat(AuditChain.firstBreak(chain, TestProps.signing(props).keys())).isEmpty();
    }

    @Test
    void underEighteenWaitsForAParentAndIsReleasedOnce() throws Exception {
        Person p = person(LocalDate.of(2009, 3, 12)); // 17
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        send(assessment(p, "U-1"));
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).isEmpty()).isTrue();

        CanonicalDocument parent =
                consent(
                        p,
                        "S-2",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.PARENT,
                        List.of("jobcenter"),
                        "assessment",
                        START_DAY);
        send(parent);
        send(parent); // the same event again: processed once
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).readRecordsToList()).hasSize(1);
        assertThat(actions(p))
                .containsSubsequence(
                        "HELD>jobcenter:NO_CONSENT", "RELEASED>jobcenter", "DISPATCHED>jobcenter");
        assertThat(actions(p).stream().filter(a -> a.startsWith("DISPATCHED"))).hasSize(1);
        assertThat(lastAudit("DISPATCHED").get("consentIds"))
                .extracting(JsonNode::asText)
                .containsExactly("S-1", "S-2");
    }

    @Test
    void theAdultSystemGetsDocumentsOnlyFromSeventeenAndAHalf() throws Exception {
        Person p = person(LocalDate.of(2008, 12, 2)); // 17½ on 2026-06-02, the day after START
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("dhuv"),
                        "all",
                        START_DAY));
        send(
                consent(
                        p,
                        "S-2",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.PARENT,
                        List.of("dhuv"),
                        "all",
                        START_DAY));
        send(handleplan(p, "HP-1", 1));
        assertThat(deliveries.get(SourceSystem.of("dhuv")).isEmpty()).isTrue();
        assertThat(actions(p)).noneMatch(a -> a.contains(">dhuv"));

        clock.now = clock.now.plus(Duration.ofDays(1));
        send(handleplan(p, "HP-1", 2));
        assertThat(deliveries.get(SourceSystem.of("dhuv")).readRecordsToList()).hasSize(1);
    }

    @Test
    void afterARevocationANewDocumentWaits() throws Exception {
        Person p = person(LocalDate.of(2005, 5, 5));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        send(handleplan(p, "HP-1", 1));
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).readRecordsToList()).hasSize(1);
        send(
                consent(
                        p,
                        "S-1",
                        2,
                        Consent.Status.REVOKED,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        send(handleplan(p, "HP-1", 2));
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).isEmpty()).isTrue();
        assertThat(actions(p)).endsWith("HELD>uu:NO_CONSENT");
        assertThat(actions(p)).contains("HELD>jobcenter:NO_CONSENT");

        // a later grant under the revoked id is refused, and releases nothing
        send(
                consent(
                        p,
                        "S-1",
                        3,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        assertThat(actions(p)).endsWith("REJECTED:CONSENT_REVOKED");
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).isEmpty()).isTrue();
    }

    @Test
    void aConsentForPlansOnlyDoesNotReleaseAnAssessment() throws Exception {
        Person p = person(LocalDate.of(2005, 5, 5));
        send(assessment(p, "U-1"));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "handleplan",
                        START_DAY));
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).isEmpty()).isTrue();
        send(handleplan(p, "HP-1", 1));
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).readRecordsToList()).hasSize(1);
    }

    @Test
    void aConsentWhoseValidityStartsLaterReleasesOnThatDay() throws Exception {
        Person p = person(LocalDate.of(2005, 5, 5));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY.plusDays(1)));
        send(handleplan(p, "HP-1", 1));
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).isEmpty()).isTrue();
        clock.now = clock.now.plus(Duration.ofDays(1));
        driver.advanceWallClockTime(props.core().releaseCheckInterval());
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).readRecordsToList()).hasSize(1);
        assertThat(actions(p)).contains("RELEASED>jobcenter");
    }

    @Test
    void aHeldDocumentExpiresAfterTheRetention() throws Exception {
        Person p = person(LocalDate.of(2005, 5, 5));
        send(handleplan(p, "HP-1", 1));
        clock.now = clock.now.plus(props.core().heldRetention()).plusSeconds(1);
        driver.advanceWallClockTime(props.core().releaseCheckInterval());
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).isEmpty()).isTrue();
        assertThat(actions(p)).contains("EXPIRED>jobcenter:RETENTION", "EXPIRED>uu:RETENTION");
    }

    @Test
    void aNewerHeldVersionSupersedesTheOlderOneForTheSameRecipient() throws Exception {
        Person p = person(LocalDate.of(2005, 5, 5));
        send(handleplan(p, "HP-1", 1));
        send(handleplan(p, "HP-1", 2));
        send(handleplan(p, "HP-1", 3));
        assertThat(actions(p))
                .as("each older version rejected as stale once the newer one waits")
                .containsSubsequence(
                        "HELD>jobcenter:NO_CONSENT",
                        "REJECTED>jobcenter:STALE_VERSION",
                        "HELD>jobcenter:NO_CONSENT",
                        "REJECTED>jobcenter:STALE_VERSION",
                        "HELD>jobcenter:NO_CONSENT")
                .filteredOn(a -> a.startsWith("REJECTED>jobcenter"))
                .hasSize(2);
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        List<org.apache.kafka.streams.test.TestRecord<byte[], byte[]>> sent =
                deliveries.get(SourceSystem.of("jobcenter")).readRecordsToList();
        assertThat(sent).as("only the newest is released").hasSize(1);
        assertThat(new String(sent.get(0).value(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"version\":3");
    }

    @Test
    void staleAndConflictingVersionsAreRejectedAndNotDelivered() throws Exception {
        Person p = person(LocalDate.of(2005, 5, 5));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        send(handleplan(p, "HP-1", 2));
        send(handleplan(p, "HP-1", 1));
        CanonicalDocument v2 = handleplan(p, "HP-1", 2);
        send(
                new CanonicalDocument(
                        v2.documentId(),
                        v2.documentType(),
                        2,
                        v2.youngPerson(),
                        "607",
                        v2.caseworker(),
                        v2.provenance(),
                        v2.handleplan()));
        assertThat(deliveries.get(SourceSystem.of("jobcenter")).readRecordsToList()).hasSize(1);
        assertThat(actions(p)).contains("REJECTED:STALE_VERSION", "REJECTED:VERSION_CONFLICT");
    }

    @Test
    void theAuditTrailIsAnUnbrokenChainWithoutCprNumbers() throws Exception {
        Person p = person(LocalDate.of(2009, 3, 12));
        send(
                consent(
                        p,
                        "S-1",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.YOUNG_PERSON,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        send(assessment(p, "U-1"));
        send(
                consent(
                        p,
                        "S-2",
                        1,
                        Consent.Status.GIVEN,
                        Consent.GivenBy.PARENT,
                        List.of("jobcenter"),
                        "all",
                        START_DAY));
        List<AuditChain.Record> chain = new ArrayList<>();
        for (TestRecord<byte[], byte[]> r : audit.readRecordsToList()) {
            String json = new String(r.value(), StandardCharsets.UTF_8);
            var cprShaped = Pattern.compile("\\b\\d{6}-?\\d{4}\\b").matcher(json);
            while (cprShaped.find()) {
                assertThat(Cpr.parse(cprShaped.group()))
                        .as("a CPR number in an audit record")
                        .isEmpty();
            }
            assertThat(json).doesNotContain("Sofie", "Østergård");
            chain.add(CanonicalJson.mapper().readValue(json, AuditChain.Record.class));
        }
        assertThat(chain).hasSizeGreaterThanOrEqualTo(6);
        assertThat(AuditChain.firstBreak(chain, TestProps.signing(props).keys())).isEmpty();
        chain.remove(2);
        assertThat(AuditChain.firstBreak(chain, TestProps.signing(props).keys())).hasValue(2);
    }

    // --- helpers ---

    private static final LocalDate START_DAY = LocalDate.of(2026, 6, 1);

    private record Person(String cpr, String pseudonym) {}

    private static Person person(LocalDate born) {
        int seventh = born.getYear() >= 2000 ? 4 : 1;
        String cpr =
                String.format(
                        "%02d%02d%02d%d%03d",
                        born.getDayOfMonth(),
                        born.getMonthValue(),
                        born.getYear() % 100,
                        seventh,
                        123);
        return new Person(cpr, "p-" + UUID.randomUUID());
    }

    private void notice(String chain, Notice n) {
        notices.pipeInput(chain.getBytes(StandardCharsets.UTF_8), n.bytes());
    }

    private void send(CanonicalDocument doc) throws Exception {
        Person owner = owners.get(doc.youngPerson().cpr());
        in.get(doc.documentType())
                .pipeInput(
                        owner.pseudonym.getBytes(StandardCharsets.UTF_8),
                        CanonicalJson.mapper().writeValueAsBytes(doc));
    }

    private final Map<String, Person> owners = new java.util.HashMap<>();

    private CanonicalDocument withPerson(
            CanonicalDocument sample, Person p, String sourceId, long version) {
        owners.put(p.cpr, p);
        return Samples.about(
                sample, new YoungPerson(p.cpr, "Sofie", "Østergård"), sourceId, version);
    }

    private CanonicalDocument assessment(Person p, String id) throws Exception {
        CanonicalDocument a = withPerson(sample("assessment-child"), p, id, 1);
        assertThat(a.assessment().kind()).isEqualTo(Assessment.Kind.CHILD_ASSESSMENT);
        return a;
    }

    private CanonicalDocument handleplanFrom(Person p, String id) throws Exception {
        return withPerson(sample("handleplan-adult"), p, id, 1);
    }

    private void replay(TestRecord<byte[], byte[]> letter, String id) {
        RecordHeaders h = new RecordHeaders();
        h.add("hub_replay_of", id.getBytes(StandardCharsets.UTF_8));
        h.add("hub_target", letter.headers().lastHeader("hub_target").value());
        String topic = header(letter, "hub_source_topic");
        driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput(new TestRecord<>(letter.key(), letter.value(), h));
    }

    private CanonicalDocument jobplan(Person p, String id, long version) throws Exception {
        return withPerson(sample("jobplan"), p, id, version);
    }

    private CanonicalDocument handleplan(Person p, String id, long version) throws Exception {
        return withPerson(sample("handleplan-child"), p, id, version);
    }

    private CanonicalDocument consent(
            Person p,
            String id,
            long version,
            Consent.Status status,
            Consent.GivenBy by,
            List<String> recipients,
            String type,
            LocalDate from)
            throws Exception {
        return consent(p, id, version, status, by, recipients, type, from, null);
    }

    private CanonicalDocument consent(
            Person p,
            String id,
            long version,
            Consent.Status status,
            Consent.GivenBy by,
            List<String> recipients,
            String type,
            LocalDate from,
            LocalDate to)
            throws Exception {
        CanonicalDocument base = withPerson(sample("consent-parent"), p, id, version);
        return base.with(new Consent(status, by, null, recipients, List.of(type), from, to));
    }

    private static String withdrawalReason(TestRecord<byte[], byte[]> withdrawal) {
        return Withdrawal.parse(new String(withdrawal.value(), StandardCharsets.UTF_8)).reason();
    }

    private static CanonicalDocument sample(String name) throws Exception {
        return Samples.sample(name);
    }

    /** The audit of a person's source documents, without those the hub authors. */
    private List<String> actions(Person p) throws Exception {
        return actions(p, false);
    }

    private List<String> actions(Person p, boolean authoredToo) throws Exception {
        for (TestRecord<byte[], byte[]> r : audit.readRecordsToList()) {
            auditSeen.add(CanonicalJson.mapper().readTree(r.value()));
        }
        return auditSeen.stream()
                .filter(a -> a.get("pseudonym").asText().equals(p.pseudonym))
                .filter(a -> authoredToo || !a.path("documentId").asText("").startsWith("hub:"))
                .map(
                        a ->
                                a.get("action").asText()
                                        + (a.hasNonNull("target")
                                                ? ">" + a.get("target").asText()
                                                : "")
                                        + (a.hasNonNull("reason")
                                                ? ":" + a.get("reason").asText()
                                                : ""))
                .toList();
    }

    private JsonNode lastAudit(String action) {
        return auditSeen.stream()
                .filter(a -> a.get("action").asText().equals(action))
                .filter(a -> !a.path("documentId").asText("").startsWith("hub:"))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private List<TestRecord<byte[], byte[]>> allDeliveries() {
        List<TestRecord<byte[], byte[]>> all = new ArrayList<>();
        deliveries.values().forEach(t -> all.addAll(t.readRecordsToList()));
        return all;
    }

    private static String header(TestRecord<byte[], byte[]> r, String key) {
        var h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
