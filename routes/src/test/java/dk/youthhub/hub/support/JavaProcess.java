package dk.youthhub.hub.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own, started from the test classpath, for tests that must kill a process: a hub
 * instance, or a broker. Its output goes to {@code target/processes/<name>.log}.
 */
public final class JavaProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private JavaProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static JavaProcess start(
            String name, Class<?> main, Map<String, String> env, List<String> args)
            throws IOException {
        return start(name, main, env, args, List.of());
    }

    /**
     * @param classPath entries put before the test's own class path
     */
    public static JavaProcess start(
            String name,
            Class<?> main,
            Map<String, String> env,
            List<String> args,
            List<Path> classPath)
            throws IOException {
        Path log = Path.of("target", "processes", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        StringBuilder cp = new StringBuilder();
        for (Path p : classPath) {
            cp.append(p.toAbsolutePath()).append(java.io.File.pathSeparatorChar);
        }
        command.add(cp + System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("HUB_") || k.startsWith("KAFKA_"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new JavaProcess(name, pb.start(), log);
    }

    /**
     * The executable jar as an operator starts it ({@code java -jar}), with only these environment
     * variables of the hub's own ({@code HUB_*}, {@code KAFKA_*}, {@code SERVER_*}).
     */
    public static JavaProcess startJar(String name, Path jar, Map<String, String> env)
            throws IOException {
        Path log = Path.of("target", "processes", name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb =
                withoutHubSettings(
                        new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx512m",
                                "-XX:TieredStopAtLevel=1",
                                "-jar",
                                jar.toAbsolutePath().toString()));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new JavaProcess(name, pb.start(), log);
    }

    /**
     * Removes this machine's hub settings ({@code HUB_*}, {@code KAFKA_*}, {@code SERVER_*}) from
     * the process's environment, so it runs on what the caller gives it only.
     */
    public static ProcessBuilder withoutHubSettings(ProcessBuilder pb) {
        pb.environment()
                .keySet()
                .removeIf(
                        k ->
                                k.startsWith("HUB_")
                                        || k.startsWith("KAFKA_")
                                        || k.startsWith("SERVER_"));
        return pb;
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** What the process has printed so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Waits for the process to end by itself; its exit code. */
    public int awaitExit(java.time.Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not end within " + atMost);
        }
        return process.exitValue();
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A polite stop ({@code SIGTERM}): shutdown hooks run. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** A TCP port free on loopback now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
