package dk.youthhub.hub.filedrop;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Cpr;
import dk.youthhub.connector.FileDropFormat;
import dk.youthhub.connector.MappingException;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.privacy.Pseudonymizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One system's drop folder, read by stage {@code <id>-file-drop}. Every poll it takes the complete
 * files ({@link FileDropFormat#accepts}) in name order. A file is identified by its name and the
 * SHA-256 of its content: one the {@link FileLedger} has seen through is moved to {@code done/}
 * unread. Otherwise the format checks the whole file first (one it cannot read at all goes to
 * {@code failed/} with a {@code .reason} file beside it), then its rows go to the system's events
 * topic, each a JSON object of column → value keyed by the pseudonym (or {@code unidentified}) with
 * {@code hub_source_file} and {@code hub_source_line}, in transactions of {@code progress-every}
 * rows that also record in the ledger how far the file is read. After a crash the next writer goes
 * on after the last committed row, so no row is lost or written twice; the ingest stage's dedupe by
 * event id stands behind that. All instances share one transactional id, so one reads at a time.
 * Memory is bounded by a row, whatever the file's size.
 */
final class FileDropStage {
    private static final Logger LOG = LoggerFactory.getLogger(FileDropStage.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * @param system the system id, the stage's and the ledger's name for it
     * @param progressEvery rows per transaction
     */
    record Settings(
            String system,
            Path inbox,
            Duration pollInterval,
            int progressEvery,
            String eventsTopic,
            String ledgerTopic) {}

    private final Settings settings;
    private final FileDropFormat format;
    private final Pseudonymizer pseudonymizer;
    private final KafkaClients clients;
    private final Clock clock;
    private final Object sleeper = new Object();
    private volatile boolean running;
    private volatile String state = "STARTING";
    private Thread thread;
    private Producer<byte[], byte[]> producer;
    private FileLedger ledger;

    FileDropStage(
            Settings settings,
            FileDropFormat format,
            Pseudonymizer pseudonymizer,
            KafkaClients clients,
            Clock clock) {
        this.settings = settings;
        this.format = format;
        this.pseudonymizer = pseudonymizer;
        this.clients = clients;
        this.clock = clock;
    }

    String state() {
        return state;
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::loop, settings.system() + "-file-drop");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state = "STOPPED";
    }

    boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                if (producer == null) {
                    producer =
                            clients.sharedTransactionalProducer(settings.system() + "-file-drop");
                    ledger = new FileLedger(clients, settings.ledgerTopic(), settings.system());
                }
                scan();
                state = "RUNNING";
            } catch (KafkaException e) {
                // fenced by another instance, or Kafka away: start over from the ledger
                LOG.warn(
                        "File drop of {} starts over from its ledger: {}",
                        settings.system(),
                        e.getClass().getSimpleName());
                state = "RETRYING";
                closeKafka();
            } catch (IOException e) {
                LOG.warn(
                        "File drop of {} cannot use its folder: {}",
                        settings.system(),
                        e.getClass().getSimpleName());
                state = "ERROR";
            } catch (RuntimeException e) {
                LOG.error("File drop of {} failed", settings.system(), e);
                state = "ERROR";
                closeKafka();
            }
            pause();
        }
        closeKafka();
    }

    private void pause() {
        synchronized (sleeper) {
            if (running) {
                try {
                    sleeper.wait(settings.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private void closeKafka() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
        if (ledger != null) {
            ledger.close();
            ledger = null;
        }
    }

    /** Reads every complete file in the folder once. */
    void scan() throws IOException {
        Path inbox = settings.inbox();
        Files.createDirectories(inbox.resolve("done"));
        Files.createDirectories(inbox.resolve("failed"));
        List<Path> files;
        try (Stream<Path> all = Files.list(inbox)) {
            files =
                    all.filter(Files::isRegularFile)
                            .filter(p -> format.accepts(p.getFileName().toString()))
                            .sorted()
                            .toList();
        }
        for (Path file : files) {
            if (!running) {
                return;
            }
            try {
                read(file);
            } catch (NoSuchFileException gone) {
                // another instance moved it
            }
        }
    }

    private void read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String sha = sha256(file);
        FileLedger.Entry seen = ledger.refresh().get(name, sha);
        if (seen != null && seen.done()) {
            LOG.info("{} was read before: moved to done/ unread", name);
            move(file, "done");
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            format.check(in);
        } catch (MappingException e) {
            Path moved = move(file, "failed");
            Files.writeString(
                    moved.resolveSibling(moved.getFileName() + ".reason"),
                    e.code() + ": " + e.getMessage() + "\n");
            LOG.warn("{} cannot be read ({}): moved to failed/", name, e.getMessage());
            return;
        }
        long after = seen == null ? 1 : seen.line();
        long rows = seen == null ? 0 : seen.rows();
        try (FileDropFormat.Rows reader = format.rows(Files.newInputStream(file))) {
            producer.beginTransaction();
            int inTransaction = 0;
            long last = after;
            for (FileDropFormat.Row row = reader.next(); row != null; row = reader.next()) {
                if (row.line() <= after) {
                    continue;
                }
                producer.send(record(name, row));
                rows++;
                last = row.line();
                if (++inTransaction >= settings.progressEvery()) {
                    producer.send(ledger.record(name, sha, last, rows, false, clock.instant()));
                    producer.commitTransaction();
                    producer.beginTransaction();
                    inTransaction = 0;
                }
            }
            producer.send(ledger.record(name, sha, last, rows, true, clock.instant()));
            producer.commitTransaction();
        } catch (MappingException e) {
            abort();
            throw new IllegalStateException("a checked file could not be read again", e);
        } catch (IOException e) {
            abort();
            throw e;
        }
        move(file, "done");
        LOG.info("{}: {} rows to {}, moved to done/", name, rows, settings.eventsTopic());
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            closeKafka();
        }
    }

    private ProducerRecord<byte[], byte[]> record(String file, FileDropFormat.Row row)
            throws IOException {
        RecordHeaders h = new RecordHeaders();
        h.add(DeadLetters.SOURCE_FILE, file.getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetters.SOURCE_LINE, String.valueOf(row.line()).getBytes(StandardCharsets.UTF_8));
        String key = DeadLetters.UNIDENTIFIED;
        byte[] value;
        if (row instanceof FileDropFormat.Columns columns) {
            key =
                    format.cprOf(columns.values())
                            .flatMap(Cpr::parse)
                            .map(cpr -> pseudonymizer.pseudonym(cpr.digits()))
                            .orElse(DeadLetters.UNIDENTIFIED);
            value = json(columns);
        } else {
            FileDropFormat.Unreadable bad = (FileDropFormat.Unreadable) row;
            h.add(
                    DeadLetters.SOURCE_ERROR,
                    bad.error().getMessage().getBytes(StandardCharsets.UTF_8));
            value = bad.raw();
        }
        return new ProducerRecord<>(
                settings.eventsTopic(),
                null,
                clock.millis(),
                key.getBytes(StandardCharsets.UTF_8),
                value,
                h);
    }

    private static byte[] json(FileDropFormat.Columns columns) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(columns.values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a row could not be written as JSON", e);
        }
    }

    /**
     * Moves a file into {@code done/} or {@code failed/}; onto an existing name it appends {@code
     * .<UTC timestamp>}.
     */
    private Path move(Path file, String folder) throws IOException {
        Path dir = settings.inbox().resolve(folder);
        Path target = dir.resolve(file.getFileName());
        while (true) {
            if (!Files.exists(target)) {
                try {
                    return Files.move(file, target);
                } catch (FileAlreadyExistsException taken) {
                    // taken between the check and the move: stamp it
                }
            }
            target = dir.resolve(file.getFileName() + "." + STAMP.format(clock.instant()));
            if (Files.exists(target)) {
                target = dir.resolve(target.getFileName() + "." + System.nanoTime());
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
