package dk.youthhub.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dk.youthhub.hub.kafka.KafkaReads;
import dk.youthhub.hub.support.JavaProcess;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The hub against raw Kafka on the same broker, in one run (issue "Performance"; BENCHMARKS.md).
 * The hub runs as a user runs it: {@code java -jar youthhub.jar} with its embedded broker, and a
 * fake job centre in this JVM that answers {@code 202} at once. Each round, interleaved, after a
 * warm-up round that is not counted:
 *
 * <ul>
 *   <li><b>B0</b>: a raw consumer-producer passthrough of the round's events, one record each;
 *   <li><b>B1</b>: a raw loop that parses each event's JSON and writes as many records as the hub
 *       wrote per event in the warm-up (its offsets across all topics, changelogs and transaction
 *       markers included);
 *   <li><b>B1-tx</b>: B1 with a Kafka transaction per poll;
 *   <li><b>H</b>: the hub, DHUV events in, until every delivery is on its Kafka topic, and until
 *       the job centre has answered {@code 2xx} to each of its POSTs.
 * </ul>
 *
 * The events: DHUV plans with a sequence (the plan's version) per young person, 80 % for young
 * people with consent, 10 % without (held), 5 % invalid (dead letters), 5 % large (~8 KB). After
 * every H round: each valid plan version on each delivery topic exactly once for a {@code
 * read_committed} reader, in order per young person; every POST once; dead letters as seeded.
 * Medians are printed and written to {@code target/bench/hub-bench.md}. {@code -Dbench.events}
 * (default 200,000), {@code -Dbench.rounds} (3), {@code -Dbench.hub-args} (the hub's command-line
 * settings, space-separated), {@code -Dbench.soak} (after the rounds, this many more events through
 * the hub alone, in chunks, with its live heap and state sizes after each chunk).
 */
class HubBench {
    private static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int WITH_CONSENT = 200;
    private static final int WITHOUT_CONSENT = 20;
    private static final List<String> RECIPIENTS = List.of("dubu", "uu", "jobcenter");
    private static final Path JAR = Path.of("target", "youthhub.jar");
    private static final int LATENCY_SECONDS = Integer.getInteger("bench.latency-seconds", 30);
    private static final int SOAK = Integer.getInteger("bench.soak", 0);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Integer> posted = new ConcurrentHashMap<>();
    private final AtomicLong posts = new AtomicLong();
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final AtomicLong plansSent = new AtomicLong();
    private long lastRowAt;
    private long lastRowPlans;
    private String servers;
    private int version;

    @Test
    void theHubAgainstRawKafkaOnTheSameBroker() throws Exception {
        measure(EVENTS, ROUNDS, Math.min(EVENTS, 20_000), LATENCY_SECONDS, SOAK, 50_000);
    }

    /**
     * Runs the rounds and reports; every H round's correctness is asserted.
     *
     * @param warmUpEvents the events of the warm-up round, which also counts the hub's writes
     * @param latencySeconds how long each open-loop latency run sends
     * @param soak events through the hub after the rounds, in chunks of {@code soakChunk}, with a
     *     memory row after each
     */
    Map<String, List<Double>> measure(
            int events, int rounds, int warmUpEvents, int latencySeconds, int soak, int soakChunk)
            throws Exception {
        Path dir =
                Path.of("target", "bench", "hub-" + UUID.randomUUID().toString().substring(0, 8));
        HttpServer jobcenter = fakeJobcentre();
        int kafka = JavaProcess.freePort();
        int http = JavaProcess.freePort();
        Process hub = startHub(dir, kafka, JavaProcess.freePort(), http, jobcenter);
        try {
            servers = "127.0.0.1:" + kafka;
            awaitReady(http);
            createTopics();
            send(consents());
            awaitConsents(http);

            Round warmUp = hubRound(warmUpEvents, true);
            double perEvent = warmUp.offsetsWritten() / (double) warmUp.events();
            int written = (int) Math.round(perEvent);
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                List<Event> round = events(events);
                rate(rates, "B0 raw passthrough", raw(round, 1, false));
                rate(rates, "B1 raw parse + " + written + " writes", raw(round, written, false));
                rate(rates, "B1-tx, a transaction per poll", raw(round, written, true));
                Round h = hubRound(events, true);
                rate(rates, "H to Kafka deliveries", h.toKafka());
                rate(rates, "H to the job centre's 2xx", h.toHttp());
                rate(rates, "hub CPU s per 1,000 events", h.cpuPerThousand());
            }
            double max = median(rates.get("H to Kafka deliveries"));
            List<String> latencies = new ArrayList<>();
            for (double share : List.of(0.1, 0.5)) {
                awaitQuiet();
                latencies.add(latency(share, max * share, latencySeconds));
            }
            String memory = memory(hub, dir, "after the rounds", true);
            for (int done = 0; done < soak; done += soakChunk) {
                hubRound(Math.min(soakChunk, soak - done), false);
                boolean last = done + soakChunk >= soak;
                memory += memory(hub, dir, last ? "end of the soak" : "soak", last);
            }
            report(rates, perEvent, dir, events, rounds, latencies, memory);
            return rates;
        } finally {
            hub.destroy();
            hub.waitFor(60, TimeUnit.SECONDS);
            jobcenter.stop(0);
        }
    }

    // ---- the workload

    private record Event(String key, byte[] value, String kind, String planId, int version) {}

    private static String cpr(int person) {
        return String.format("010305%04d", 4000 + person);
    }

    private List<ProducerRecord<byte[], byte[]>> consents() throws IOException {
        ObjectNode base =
                (ObjectNode)
                        JSON.readTree(
                                Path.of(
                                                "../connectors/dhuv/src/test/resources/fixtures/valid/samtykke-givet.native.json")
                                        .toFile());
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (int p = 0; p < WITH_CONSENT; p++) {
            ObjectNode c = base.deepCopy();
            c.put("haendelse_id", UUID.randomUUID().toString());
            ((ObjectNode) c.get("borger")).put("cpr", cpr(p));
            ObjectNode s = (ObjectNode) c.get("samtykke");
            s.put("samtykke_id", "S-BENCH-" + p);
            s.put("gyldig_fra", "2026-01-01");
            s.put("gyldig_til", "2099-12-31");
            ArrayNode to = s.putArray("modtagere");
            List.of("dubu", "uu", "jobcenter", "dhuv").forEach(to::add);
            out.add(record("dhuv.events.v1", key(p), JSON.writeValueAsBytes(c)));
        }
        return out;
    }

    private List<Event> events(int n) throws IOException {
        ObjectNode base =
                (ObjectNode)
                        JSON.readTree(
                                Path.of(
                                                "../connectors/dhuv/src/test/resources/fixtures/valid/handleplan-sample.native.json")
                                        .toFile());
        List<Event> out = new ArrayList<>(n);
        version++;
        String large = "Lang beskrivelse af målet. ".repeat(300);
        for (int i = 0; i < n; i++) {
            int slot = i % 20;
            String kind = slot == 0 ? "invalid" : slot == 1 ? "large" : slot < 4 ? "held" : "valid";
            int person =
                    kind.equals("held") ? WITH_CONSENT + i % WITHOUT_CONSENT : i % WITH_CONSENT;
            String planId = "HP-BENCH-" + person;
            // a plan's versions rise with every event for its young person: a sequence
            int v = version * 1_000_000 + i + 1;
            ObjectNode e = base.deepCopy();
            e.put("haendelse_id", UUID.randomUUID().toString());
            e.put("tidspunkt", Instant.now().toString());
            ((ObjectNode) e.get("borger")).put("cpr", cpr(person));
            ObjectNode plan = (ObjectNode) e.get("handleplan");
            plan.put("plan_id", planId);
            plan.put("version", v);
            if (kind.equals("large")) {
                ((ObjectNode) plan.get("maal").get(0)).put("tekst", large);
            }
            byte[] value = JSON.writeValueAsBytes(e);
            if (kind.equals("invalid")) {
                value = java.util.Arrays.copyOf(value, value.length / 2);
            }
            out.add(new Event(key(person), value, kind, planId, v));
        }
        return out;
    }

    private static String key(int person) {
        return "dhuv-case-" + person;
    }

    // ---- B0, B1, B1-tx

    private double raw(List<Event> events, int writes, boolean transactional) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String in = "bench.raw-in." + run;
        String out = "bench.raw-out." + run;
        try (Admin admin = admin()) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(in, 6, (short) 1),
                                    new NewTopic(out, 6, (short) 1)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }
        awaitLeaders(List.of(in, out));
        List<ProducerRecord<byte[], byte[]>> input = new ArrayList<>();
        events.forEach(e -> input.add(record(in, e.key(), e.value())));
        send(input);
        Map<String, Object> p = producerConfig();
        if (transactional) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-" + run);
        }
        long start = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> c = consumer("bench-" + run, true);
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            if (transactional) {
                producer.initTransactions();
            }
            c.subscribe(List.of(in));
            while (read < events.size()) {
                ConsumerRecords<byte[], byte[]> batch = c.poll(Duration.ofMillis(100));
                if (batch.isEmpty()) {
                    continue;
                }
                if (transactional) {
                    producer.beginTransaction();
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    if (writes > 1) {
                        try {
                            JSON.readTree(r.value());
                        } catch (IOException invalid) {
                            // the hub dead-letters it; the raw loop writes it on all the same
                        }
                    }
                    for (int w = 0; w < writes; w++) {
                        producer.send(new ProducerRecord<>(out, r.key(), r.value()));
                    }
                    offsets.put(
                            new TopicPartition(r.topic(), r.partition()),
                            new OffsetAndMetadata(r.offset() + 1));
                    read++;
                }
                if (transactional) {
                    producer.sendOffsetsToTransaction(offsets, c.groupMetadata());
                    producer.commitTransaction();
                } else {
                    c.commitAsync(offsets, null);
                }
            }
            producer.flush();
        }
        return events.size() / seconds(start);
    }

    // ---- H

    /** One H round: its rates and how many offsets the hub wrote for it. */
    private record Round(
            int events,
            double toKafka,
            double toHttp,
            long offsetsWritten,
            double cpuPerThousand) {}

    /**
     * @param wholeTopics whether the duplicate check reads the delivery topics from their start
     *     (every round) or from where this round began (soak chunks, which would else read ever
     *     more)
     */
    private Round hubRound(int n, boolean wholeTopics) throws Exception {
        List<Event> events = events(n);
        Map<String, Long> before = endOffsets();
        Map<TopicPartition, Long> deadLettersBefore = partitionEnds("hub.deadletter.v1");
        long cpuBefore = hubCpuMillis();
        long postsBefore = posts.get();
        Map<String, Integer> expected = new HashMap<>();
        int invalid = 0;
        for (Event e : events) {
            if (e.kind().equals("valid") || e.kind().equals("large")) {
                expected.put("dhuv:handleplan:" + e.planId() + "|" + e.version(), 0);
            } else if (e.kind().equals("invalid")) {
                invalid++;
            }
        }
        Map<TopicPartition, Long> from = new HashMap<>();
        for (String recipient : RECIPIENTS) {
            Map<TopicPartition, Long> ends = partitionEnds(recipient + ".deliveries.v1");
            ends.replaceAll((tp, end) -> wholeTopics ? 0L : end);
            from.putAll(ends);
        }
        long start = System.nanoTime();
        List<ProducerRecord<byte[], byte[]>> input = new ArrayList<>();
        events.forEach(e -> input.add(record("dhuv.events.v1", e.key(), e.value())));
        send(input);
        plansSent.addAndGet(input.size());
        Map<String, Map<String, List<Integer>>> delivered = new HashMap<>();
        double toKafka = awaitDeliveries(expected.keySet(), delivered, from, start, events.size());
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> posts.get() - postsBefore >= expected.size());
        double toHttp = events.size() / seconds(start);
        long cpu = hubCpuMillis() - cpuBefore;
        // correctness: each valid version once per recipient, in order per young person
        for (String recipient : RECIPIENTS) {
            Map<String, List<Integer>> got = delivered.get(recipient);
            for (String doc : expected.keySet()) {
                assertThat(got.getOrDefault(doc, List.of())).as(recipient + " " + doc).hasSize(1);
            }
        }
        for (String doc : expected.keySet()) {
            assertThat(posted.get(doc)).as("POSTed once: " + doc).isEqualTo(1);
        }
        assertThat(committedSince(deadLettersBefore)).as("dead letters").isEqualTo(invalid);
        Map<String, Long> after = endOffsets();
        long written = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            if (!e.getKey().equals("dhuv.events.v1") && !e.getKey().startsWith("bench.")) {
                written += e.getValue() - before.getOrDefault(e.getKey(), 0L);
            }
        }
        return new Round(n, toKafka, toHttp, written, cpu / (n / 1000.0) / 1000.0);
    }

    /**
     * Reads the delivery topics from where they were until every expected plan version is on each,
     * checking the order of versions per young person as it goes.
     */
    private double awaitDeliveries(
            Set<String> expected,
            Map<String, Map<String, List<Integer>>> delivered,
            Map<TopicPartition, Long> from,
            long start,
            int events)
            throws Exception {
        List<TopicPartition> partitions = new ArrayList<>(from.keySet());
        try (KafkaConsumer<byte[], byte[]> c = consumer("bench-read-" + UUID.randomUUID(), false)) {
            RECIPIENTS.forEach(recipient -> delivered.put(recipient, new HashMap<>()));
            c.assign(partitions);
            from.forEach(c::seek);
            Map<String, Integer> lastVersion = new HashMap<>();
            long progress = System.nanoTime();
            while (!complete(delivered, expected)) {
                assertThat(System.nanoTime() - progress)
                        .as("no delivery for 2 minutes; missing: " + missing(delivered, expected))
                        .isLessThan(Duration.ofMinutes(2).toNanos());
                ConsumerRecords<byte[], byte[]> polled = c.poll(Duration.ofMillis(100));
                if (!polled.isEmpty()) {
                    progress = System.nanoTime();
                }
                for (ConsumerRecord<byte[], byte[]> r : polled) {
                    String doc = header(r, "hub_document_id");
                    int v = Integer.parseInt(header(r, "hub_document_version"));
                    String recipient = r.topic().substring(0, r.topic().indexOf('.'));
                    delivered
                            .get(recipient)
                            .computeIfAbsent(doc + "|" + v, k -> new ArrayList<>())
                            .add(v);
                    Integer last = lastVersion.put(recipient + "|" + doc, v);
                    assertThat(last == null || last < v)
                            .as("versions in order per young person: " + doc)
                            .isTrue();
                }
            }
            double rate = events / seconds(start);
            // and whatever was written meanwhile: a duplicate would be among it
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    String recipient = r.topic().substring(0, r.topic().indexOf('.'));
                    delivered
                            .get(recipient)
                            .computeIfAbsent(
                                    header(r, "hub_document_id")
                                            + "|"
                                            + header(r, "hub_document_version"),
                                    k -> new ArrayList<>())
                            .add(0);
                }
            }
            return rate;
        }
    }

    private static String missing(
            Map<String, Map<String, List<Integer>>> delivered, Set<String> expected) {
        StringBuilder out = new StringBuilder();
        delivered.forEach(
                (recipient, got) ->
                        out.append(recipient)
                                .append(' ')
                                .append(expected.stream().filter(d -> !got.containsKey(d)).count())
                                .append(' '));
        return out.toString();
    }

    private static boolean complete(
            Map<String, Map<String, List<Integer>>> delivered, Set<String> expected) {
        for (Map<String, List<Integer>> got : delivered.values()) {
            if (!got.keySet().containsAll(expected)) {
                return false;
            }
        }
        return true;
    }

    // ---- latency, open loop

    /**
     * Valid plans at a fixed arrival rate (not as fast as the hub takes them): from each send to
     * its dispatch (the delivery record's timestamp on UU's topic, written by the core as it
     * dispatches) and to the job centre's answer.
     */
    private String latency(double share, double rate, int seconds) throws Exception {
        int n = Math.max(10, (int) (rate * seconds));
        List<Event> valid =
                events(n * 2).stream().filter(e -> e.kind().equals("valid")).limit(n).toList();
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<TopicPartition, Long> from = partitionEnds("uu.deliveries.v1");
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(producerConfig())) {
            for (int k = 0; k < valid.size(); k++) {
                long due = start + (long) (k * 1e9 / rate);
                while (System.nanoTime() < due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                }
                Event e = valid.get(k);
                sent.put(
                        "dhuv:handleplan:" + e.planId() + "|" + e.version(),
                        System.currentTimeMillis());
                p.send(record("dhuv.events.v1", e.key(), e.value()));
                plansSent.incrementAndGet();
            }
        }
        List<Long> toDispatch = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer("bench-latency", false)) {
            c.assign(from.keySet());
            from.forEach(c::seek);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (toDispatch.size() < sent.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    Long at =
                            sent.get(
                                    header(r, "hub_document_id")
                                            + "|"
                                            + header(r, "hub_document_version"));
                    if (at != null) {
                        toDispatch.add(r.timestamp() - at);
                    }
                }
            }
        }
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> arrived.keySet().containsAll(sent.keySet()));
        List<Long> toHttp = new ArrayList<>();
        sent.forEach((doc, at) -> toHttp.add(arrived.get(doc) - at));
        assertThat(toDispatch).as("every plan dispatched").hasSize(sent.size());
        return String.format(
                java.util.Locale.ROOT,
                "| %.0f %% of H (%.0f events/s) | %d | %s | %s |%n",
                share * 100,
                rate,
                sent.size(),
                percentiles(toDispatch),
                percentiles(toHttp));
    }

    private static String percentiles(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        java.util.function.DoubleFunction<Long> at =
                q ->
                        sorted.get(
                                Math.min(
                                        sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        return at.apply(0.5) + " / " + at.apply(0.99) + " / " + at.apply(0.999);
    }

    // ---- the hub and its job centre

    private Process startHub(Path dir, int kafka, int controller, int http, HttpServer jobcenter)
            throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null) {
            command.add(
                    "-XX:StartFlightRecording=filename="
                            + jfr
                            + ",settings=profile,dumponexit=true");
        }
        command.add("-Xlog:gc:file=" + dir.resolve("gc.log").toAbsolutePath());
        command.addAll(
                List.of(
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "--server.port=" + http,
                        "--hub.kafka.embedded.port=" + kafka,
                        "--hub.kafka.embedded.controller-port=" + controller));
        String args = System.getProperty("bench.hub-args", "").trim();
        if (!args.isEmpty()) {
            command.addAll(List.of(args.split("\\s+")));
        }
        ProcessBuilder pb = JavaProcess.withoutHubSettings(new ProcessBuilder(command));
        pb.environment().put("HUB_DATA_DIR", dir.toAbsolutePath().toString());
        pb.environment()
                .put(
                        "HUB_JOBCENTER_BASE_URL",
                        "http://127.0.0.1:" + jobcenter.getAddress().getPort());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("hub.log").toFile());
        return pb.start();
    }

    /** Answers every POST {@code 202} at once and counts each document version it was sent. */
    private HttpServer fakeJobcentre() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.createContext(
                "/api/v1/hub-deliveries",
                exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    JsonNode doc = JSON.readTree(body);
                    posted.merge(
                            doc.path("documentId").asText() + "|" + doc.path("version").asInt(),
                            1,
                            Integer::sum);
                    arrived.putIfAbsent(
                            doc.path("documentId").asText() + "|" + doc.path("version").asInt(),
                            System.currentTimeMillis());
                    posts.incrementAndGet();
                    exchange.sendResponseHeaders(202, -1);
                    exchange.close();
                });
        server.start();
        return server;
    }

    private static void awaitReady(int http) {
        HttpClient client = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(
                        () ->
                                client.send(
                                                        HttpRequest.newBuilder(
                                                                        URI.create(
                                                                                "http://127.0.0.1:"
                                                                                        + http
                                                                                        + "/actuator/health/readiness"))
                                                                .build(),
                                                        HttpResponse.BodyHandlers.discarding())
                                                .statusCode()
                                        == 200);
    }

    /**
     * Until the core has taken every consent: a plan processed before its young person's consent is
     * held and, once a newer version has gone out, rightly never delivered, which is not what this
     * benchmark measures.
     */
    private static void awaitConsents(int http) {
        HttpClient client = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(
                        () -> {
                            String metrics =
                                    client.send(
                                                    HttpRequest.newBuilder(
                                                                    URI.create(
                                                                            "http://127.0.0.1:"
                                                                                    + http
                                                                                    + "/actuator/prometheus"))
                                                            .header(
                                                                    "Authorization",
                                                                    "Bearer dev-token-metrics")
                                                            .build(),
                                                    HttpResponse.BodyHandlers.ofString())
                                            .body();
                            java.util.regex.Matcher m =
                                    java.util.regex.Pattern.compile(
                                                    "hub_core_actions_total\\{action=\"RECEIVED\",reason=\"\",system=\"dhuv\"} ([0-9.]+)")
                                            .matcher(metrics);
                            return m.find() && Double.parseDouble(m.group(1)) >= WITH_CONSENT;
                        });
    }

    /** The hub process's CPU time: its own and its children's, from {@code /proc}. */
    private long hubCpuMillis() throws IOException {
        long total = 0;
        for (ProcessHandle h :
                ProcessHandle.allProcesses()
                        .filter(
                                p ->
                                        p.info()
                                                .commandLine()
                                                .orElse("")
                                                .contains(JAR.getFileName().toString()))
                        .toList()) {
            total += h.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
        }
        return total;
    }

    /**
     * Until the hub has written nothing for 3 seconds: a latency run starts on an idle hub, not on
     * the tail of the previous round (the forms it re-authors, the job centre's POSTs).
     */
    private long awaitQuiet() {
        Map<String, Long> last = new HashMap<>();
        long[] quietSince = {System.nanoTime()};
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            Map<String, Long> now = endOffsets();
                            if (!now.equals(last)) {
                                last.clear();
                                last.putAll(now);
                                quietSince[0] = System.nanoTime();
                            }
                            return System.nanoTime() - quietSince[0]
                                    > Duration.ofSeconds(3).toNanos();
                        });
        return quietSince[0];
    }

    /**
     * One row of the memory table: the hub's live heap after a full collection ({@code jcmd
     * GC.run}, read from its GC log), its GC pauses so far, and, if asked, its live state per young
     * person.
     */
    private String memory(Process hub, Path dir, String when, boolean state) throws Exception {
        long quiet = awaitQuiet();
        // a soak chunk from its first event until the hub wrote its last record, forms included
        String sustained =
                lastRowAt == 0
                        ? "–"
                        : String.format(
                                java.util.Locale.ROOT,
                                "%.0f",
                                (plansSent.get() - lastRowPlans) / ((quiet - lastRowAt) / 1e9));
        Path gcLog = dir.resolve("gc.log");
        int before = Files.readAllLines(gcLog).size();
        Process jcmd =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                                String.valueOf(hub.pid()),
                                "GC.run")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        assertThat(jcmd.waitFor(60, TimeUnit.SECONDS)).as("jcmd GC.run").isTrue();
        java.util.regex.Pattern full =
                java.util.regex.Pattern.compile("Pause Full.*->(\\d+)M\\((\\d+)M\\)");
        long[] live = {-1};
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            List<String> lines = Files.readAllLines(gcLog);
                            for (String line : lines.subList(before, lines.size())) {
                                java.util.regex.Matcher m = full.matcher(line);
                                if (m.find()) {
                                    live[0] = Long.parseLong(m.group(1));
                                }
                            }
                            return live[0] >= 0;
                        });
        GcLog gc = GcLog.read(gcLog);
        String perStore = state ? liveState() : "";
        String row =
                String.format(
                        java.util.Locale.ROOT,
                        "| %s | %,d | %s | %d | %d | %.1f | %s |%n",
                        when,
                        plansSent.get(),
                        sustained,
                        live[0],
                        gc.peakMb(),
                        gc.pausesSeconds(),
                        perStore);
        lastRowAt = System.nanoTime();
        lastRowPlans = plansSent.get();
        return row;
    }

    /**
     * What each state store holds now, per young person: its changelog read to the end, the latest
     * value of each key (what a restore rebuilds), in KB and keys.
     */
    private String liveState() throws Exception {
        List<String> changelogs =
                endOffsets().keySet().stream().filter(t -> t.endsWith("-changelog")).toList();
        int people = WITH_CONSENT + WITHOUT_CONSENT;
        StringBuilder out = new StringBuilder();
        for (String topic : changelogs) {
            Map<String, Integer> live = new HashMap<>();
            try (KafkaConsumer<byte[], byte[]> c = consumer("bench-state", false)) {
                // binary keys (window stores): not KafkaReads.latest, which reads keys as text
                boolean whole =
                        KafkaReads.wholeTopic(
                                c,
                                topic,
                                Duration.ofMinutes(10),
                                r -> {
                                    String key = java.util.HexFormat.of().formatHex(r.key());
                                    if (r.value() == null) {
                                        live.remove(key);
                                    } else {
                                        live.put(key, r.key().length + r.value().length);
                                    }
                                });
                assertThat(whole).as(topic + " read to the end").isTrue();
            }
            long bytes = live.values().stream().mapToLong(Integer::longValue).sum();
            String store =
                    topic.substring(topic.indexOf('-') + 1, topic.length() - "-changelog".length());
            out.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "%s%s %.2f KB (%.1f keys)",
                            out.length() == 0 ? "" : " · ",
                            store,
                            bytes / 1024.0 / people,
                            live.size() / (double) people));
        }
        return out.toString();
    }

    /**
     * What a unified GC log ({@code -Xlog:gc}) says: the highest heap before a pause, all pauses.
     */
    private record GcLog(long peakMb, double pausesSeconds) {
        static GcLog read(Path log) throws IOException {
            java.util.regex.Pattern pause =
                    java.util.regex.Pattern.compile(
                            "Pause .* (\\d+)M->\\d+M\\(\\d+M\\) ([0-9.]+)ms");
            long peak = 0;
            double ms = 0;
            for (String line : Files.readAllLines(log)) {
                java.util.regex.Matcher m = pause.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                    ms += Double.parseDouble(m.group(2));
                }
            }
            return new GcLog(peak, ms / 1000);
        }
    }

    // ---- Kafka plumbing

    private void createTopics() throws Exception {
        await().atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> endOffsets().containsKey("uu.deliveries.v1"));
    }

    private Map<String, Long> endOffsets() throws Exception {
        try (Admin admin = admin()) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
            admin.describeTopics(names)
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .forEach(
                            (name, d) ->
                                    d.partitions()
                                            .forEach(
                                                    p ->
                                                            ask.put(
                                                                    new TopicPartition(
                                                                            name, p.partition()),
                                                                    OffsetSpec.latest())));
            Map<String, Long> out = new TreeMap<>();
            admin.listOffsets(ask)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> out.merge(tp.topic(), info.offset(), Long::sum));
            return out;
        }
    }

    private Map<TopicPartition, Long> partitionEnds(String topic) throws Exception {
        try (KafkaConsumer<byte[], byte[]> c = consumer("bench-ends", false)) {
            List<TopicPartition> tps =
                    c.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            return new HashMap<>(c.endOffsets(tps));
        }
    }

    /** The committed records after these offsets, up to the partitions' ends now. */
    private long committedSince(Map<TopicPartition, Long> from) throws Exception {
        long[] n = {0};
        try (KafkaConsumer<byte[], byte[]> c = consumer("bench-count", false)) {
            c.assign(from.keySet());
            from.forEach(c::seek);
            assertThat(KafkaReads.toEnd(c, from.keySet(), Duration.ofMinutes(2), r -> n[0]++))
                    .as("read to the end")
                    .isTrue();
        }
        return n[0];
    }

    /** Until every partition of these new topics has a leader, so the first writes go through. */
    private void awaitLeaders(List<String> names) {
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(
                        () -> {
                            try (Admin admin = admin()) {
                                return admin
                                        .describeTopics(names)
                                        .allTopicNames()
                                        .get(10, TimeUnit.SECONDS)
                                        .values()
                                        .stream()
                                        .flatMap(d -> d.partitions().stream())
                                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                            }
                        });
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group, boolean fromStart) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromStart ? "earliest" : "latest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    private void send(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(producerConfig())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            records.forEach(r -> sent.add(p.send(r)));
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
    }

    private static String header(ConsumerRecord<?, ?> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    // ---- the report

    private static void rate(Map<String, List<Double>> rates, String what, double value) {
        rates.computeIfAbsent(what, k -> new ArrayList<>()).add(value);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void report(
            Map<String, List<Double>> rates,
            double perEvent,
            Path dir,
            int events,
            int rounds,
            List<String> latencies,
            String memory)
            throws IOException {
        double b1 =
                median(
                        rates.get(
                                rates.keySet().stream()
                                        .filter(k -> k.startsWith("B1 "))
                                        .findFirst()
                                        .orElseThrow()));
        double b1tx = median(rates.get("B1-tx, a transaction per poll"));
        StringBuilder md = new StringBuilder();
        md.append("| what | median | rounds | ÷ B1 | ÷ B1-tx |\n|---|---|---|---|---|\n");
        rates.forEach(
                (what, values) -> {
                    double m = median(values);
                    boolean rate = !what.startsWith("hub CPU");
                    md.append("| ")
                            .append(what)
                            .append(" | ")
                            .append(
                                    String.format(
                                            java.util.Locale.ROOT,
                                            rate ? "%,.0f events/s" : "%.2f s",
                                            m))
                            .append(" | ")
                            .append(
                                    values.stream()
                                            .map(
                                                    v ->
                                                            String.format(
                                                                    java.util.Locale.ROOT,
                                                                    "%.0f",
                                                                    v))
                                            .toList())
                            .append(" | ")
                            .append(
                                    rate
                                            ? String.format(java.util.Locale.ROOT, "%.2f", m / b1)
                                            : "")
                            .append(" | ")
                            .append(
                                    rate
                                            ? String.format(java.util.Locale.ROOT, "%.2f", m / b1tx)
                                            : "")
                            .append(" |\n");
                });
        md.append(
                String.format(
                        java.util.Locale.ROOT,
                        "%nThe hub wrote %.1f offsets per event (all topics: deliveries, canonical,"
                                + " audit, outcomes, internal and changelog topics, transaction markers"
                                + " included); %,d events per round, %d rounds, %d cores, %s.%n",
                        perEvent,
                        events,
                        rounds,
                        Runtime.getRuntime().availableProcessors(),
                        ManagementFactory.getRuntimeMXBean().getVmVersion()));
        md.append(
                "\n| open-loop load | events | to dispatch p50 / p99 / p99.9 (ms) | to the job"
                        + " centre's 2xx p50 / p99 / p99.9 (ms) |\n|---|---|---|---|\n");
        latencies.forEach(md::append);
        md.append(
                "\n| when | events through the hub | events/s until quiet | live heap after a full GC (MB) | peak heap"
                        + " (MB) | GC pauses so far (s) | live state per young person, per store |\n|---|---|---|---|---|---|---|\n");
        md.append(memory);
        System.out.println(md);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "hub-bench.md"), md);
        Files.writeString(dir.resolve("hub-bench.md"), md);
    }
}
