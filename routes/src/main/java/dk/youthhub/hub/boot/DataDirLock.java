package dk.youthhub.hub.boot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * One hub per data directory: before anything touches {@code $HUB_DATA_DIR} (the embedded broker's
 * log, the stages' state), the hub takes an exclusive lock on {@code $HUB_DATA_DIR/hub.lock} and
 * keeps it while the process lives; the operating system releases it when the process ends, also
 * after {@code kill -9}. A second hub on the same directory is refused at once, naming the
 * directory and the holder's process id, and the running hub is not touched. Several application
 * contexts of one process (tests) share their process's lock.
 */
public class DataDirLock implements EnvironmentPostProcessor, Ordered {
    private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();

    /** The data directory is held by another process. */
    public static final class HeldByAnother extends RuntimeException {
        HeldByAnother(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        Path dir = Path.of(env.getProperty("hub.data-dir", "./data")).toAbsolutePath().normalize();
        lock(dir);
    }

    public static synchronized void lock(Path dir) {
        if (HELD.containsKey(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            FileChannel channel =
                    FileChannel.open(
                            dir.resolve("hub.lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = Files.readString(dir.resolve("hub.lock")).strip();
                channel.close();
                throw new HeldByAnother(
                        "Another hub"
                                + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                                + " is running on the data directory "
                                + dir);
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(
                            String.valueOf(ProcessHandle.current().pid())
                                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            HELD.put(dir, lock);
        } catch (IOException e) {
            throw new IllegalStateException("the data directory " + dir + " cannot be locked", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    /** Reports a refused start in one line, without a stack trace. */
    public static final class Analyzer extends AbstractFailureAnalyzer<HeldByAnother> {
        @Override
        protected FailureAnalysis analyze(Throwable root, HeldByAnother cause) {
            return new FailureAnalysis(
                    cause.getMessage(),
                    "Stop it, or give this hub a data directory of its own (HUB_DATA_DIR).",
                    cause);
        }
    }
}
