package dk.youthhub.hub.fault;

import dk.youthhub.hub.HubApplication;
import dk.youthhub.hub.support.HubIT;
import dk.youthhub.hub.support.JavaProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * A hub in a JVM of its own against a given cluster, with its own topic names ({@code
 * <namespace>.<contract name>}) and consumer groups, so a test can kill it with {@code kill -9}.
 */
public final class HubInstance implements AutoCloseable {
    public static final String SECRET = "fault-test-secret-0123456789abcdef0123";

    private final JavaProcess process;
    private final int port;

    private HubInstance(JavaProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param name the instance's id (stable across restarts) and the name of its log file
     * @param extra further {@code --key=value} arguments
     */
    public static HubInstance start(
            String name, String servers, String namespace, Path dataDir, List<String> extra)
            throws IOException {
        return start(name, servers, namespace, dataDir, extra, List.of());
    }

    /**
     * @param classPath further class path entries, e.g. a connector's
     */
    public static HubInstance start(
            String name,
            String servers,
            String namespace,
            Path dataDir,
            List<String> extra,
            List<Path> classPath)
            throws IOException {
        int port = JavaProcess.freePort();
        List<String> args = new ArrayList<>(topicArgs(namespace));
        args.add("--hub.kafka.group-prefix=" + namespace);
        args.add("--hub.stage.poll-timeout-ms=100");
        args.add("--server.port=" + port);
        args.addAll(extra);
        JavaProcess p =
                JavaProcess.start(
                        namespace + "-" + name + "-" + System.nanoTime(),
                        HubApplication.class,
                        Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS",
                                servers,
                                "HUB_PSEUDONYM_SECRET",
                                SECRET,
                                "HUB_AUDIT_KEY",
                                "fault-test-audit-key-0123456789abcdef",
                                "HUB_TOKEN_JOBCENTER",
                                HubIT.JOBCENTER_TOKEN,
                                "HUB_TOKEN_ADMIN",
                                HubIT.ADMIN_TOKEN,
                                "HUB_DATA_DIR",
                                dataDir.toAbsolutePath().toString(),
                                "HUB_INSTANCE_ID",
                                name),
                        args,
                        classPath);
        return new HubInstance(p, port);
    }

    /**
     * A hub as a newcomer runs it: the embedded broker (no {@code KAFKA_BOOTSTRAP_SERVERS}), its
     * default topic names and settings, on these ports; {@code extra}: further {@code --key=value}
     * arguments.
     */
    public static JavaProcess embedded(
            String name,
            Path dataDir,
            int kafkaPort,
            int controllerPort,
            int httpPort,
            String... extra)
            throws IOException {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--hub.kafka.embedded.port=" + kafkaPort,
                                "--hub.kafka.embedded.controller-port=" + controllerPort,
                                "--server.port=" + httpPort));
        args.addAll(List.of(extra));
        return JavaProcess.start(
                name,
                HubApplication.class,
                Map.of("HUB_DATA_DIR", dataDir.toAbsolutePath().toString()),
                args);
    }

    /** Every topic of the hub in a namespace ({@code hub.topics.prefix}). */
    public static List<String> topicArgs(String namespace) {
        return List.of("--hub.topics.prefix=" + namespace + ".");
    }

    /**
     * A topic's name in a namespace, from a short name: {@code dhuv-events} → {@code
     * <ns>.dhuv.events.v1}, {@code canonical-handleplan} → {@code <ns>.canonical.handleplan.v1},
     * {@code dead-letter} → {@code <ns>.hub.deadletter.v1}.
     */
    public static String topic(String namespace, String name) {
        String published =
                switch (name) {
                    case "dead-letter" -> "hub.deadletter.v1";
                    case "held", "audit" -> "hub." + name + ".v1";
                    default -> {
                        int dash = name.indexOf('-');
                        yield name.substring(0, dash) + "." + name.substring(dash + 1) + ".v1";
                    }
                };
        return namespace + "." + published;
    }

    /** Waits until the instance's health is {@code UP}. */
    public HubInstance awaitUp(Duration atMost) {
        awaitUp(process, port, atMost);
        return this;
    }

    /** Waits until the hub in this process answers {@code UP} on this port. */
    public static void awaitUp(JavaProcess process, int port, Duration atMost) {
        await(process, port, "/actuator/health", atMost);
    }

    /** Waits until the hub in this process is ready: every stage processing. */
    public static void awaitReady(JavaProcess process, int port, Duration atMost) {
        await(process, port, "/actuator/health/readiness", atMost);
    }

    private static void await(JavaProcess process, int port, String path, Duration atMost) {
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await()
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(
                        () -> {
                            if (!process.isAlive()) {
                                throw new AssertionError(process.name() + " ended");
                            }
                            return http.send(
                                                    HttpRequest.newBuilder(
                                                                    URI.create(
                                                                            "http://127.0.0.1:"
                                                                                    + port
                                                                                    + path))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.ofString())
                                            .statusCode()
                                    == 200;
                        });
    }

    /** {@code kill -9}. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    /** A graceful stop: the instance finishes and leaves its groups. */
    public void stop() throws InterruptedException {
        process.stop();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
