package dk.youthhub.hub.demo;

import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.security.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code --hub.demo.enabled=true}): once the hub is up, plays the source systems, each
 * by its own transport as it would for real: the DUBU-like and DHUV-like systems publish to their
 * topics, the job centre POSTs to the hub's HTTP ingress with its token, UU drops a CSV file. First
 * the contracts' examples, then generated events for {@code hub.demo.young-people} young people
 * ({@link DemoData}).
 */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class DemoSimulator {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSimulator.class);

    /** The contracts' examples; each file's name starts with its system's id. */
    private static final List<String> EXAMPLES =
            List.of(
                    "dubu-samtykke-barn.xml",
                    "dubu-samtykke-foraelder.xml",
                    "dubu-handleplan.xml",
                    "dubu-undersoegelse.xml",
                    "dhuv-handleplan.json",
                    "dhuv-udredning.json",
                    "jobcenter-jobplan.json",
                    "jobcenter-ressourceprofil.json",
                    "uu-uddannelsesstatus.csv");

    private final HubProperties props;
    private final KafkaClients clients;
    private final Topics topics;
    private final Systems systems;
    private final Environment env;
    private final CamelContext camel;
    private final HttpClient http = HttpClient.newHttpClient();

    public DemoSimulator(
            HubProperties props,
            KafkaClients clients,
            Topics topics,
            Systems systems,
            Environment env,
            CamelContext camel) {
        this.systems = systems;
        this.camel = camel;
        this.props = props;
        this.clients = clients;
        this.topics = topics;
        this.env = env;
    }

    /** Plays on its own thread once the routes run, so start-up is not held up. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        Thread player =
                new Thread(
                        () -> {
                            try {
                                awaitRoutes();
                                play();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "demo-simulator");
        player.setDaemon(true);
        player.start();
    }

    private void awaitRoutes() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!(camel.isStarted()
                        && camel.getRoutes().stream()
                                .allMatch(
                                        r ->
                                                camel.getRouteController()
                                                        .getRouteStatus(r.getRouteId())
                                                        .isStarted()))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
    }

    void play() throws InterruptedException {
        List<DemoData.Event> events = new ArrayList<>();
        EXAMPLES.forEach(
                name ->
                        events.add(
                                new DemoData.Event(
                                        SourceSystem.of(name.substring(0, name.indexOf('-'))),
                                        example(name),
                                        false)));
        DemoData generated =
                new DemoData(props.demo().seed(), LocalDate.now(ZoneId.of("Europe/Copenhagen")));
        events.addAll(generated.events(props.demo().youngPeople()));
        int accepted = 0;
        int rejected = 0;
        try (Producer<byte[], byte[]> producer = clients.idempotentProducer("demo")) {
            for (DemoData.Event e : events) {
                Systems.HubSystem system = systems.find(e.system().id()).orElse(null);
                if (system == null) {
                    continue; // a system switched off
                }
                switch (system.descriptor().inbound()) {
                    case HTTP_INGRESS -> {
                        int status = post(system, e.payload());
                        if (status == 202) {
                            accepted++;
                        } else {
                            rejected++;
                            LOG.info("Demo: the HTTP ingress answered {}", status);
                        }
                    }
                    case FILE_DROP -> {
                        drop(system, e.payload());
                        accepted++;
                    }
                    case KAFKA -> {
                        producer.send(
                                        new ProducerRecord<>(
                                                topics.events(e.system()).orElseThrow(),
                                                e.payload()))
                                .get();
                        accepted++;
                    }
                    case NONE -> {
                        // a system that sends nothing has no examples
                    }
                }
            }
        } catch (ExecutionException | IOException e) {
            LOG.warn("Demo stopped early: {}", e.getClass().getSimpleName());
        }
        register(generated.registrations());
        long bad = events.stream().filter(DemoData.Event::bad).count();
        LOG.info(
                "Demo: {} events for {} young people sent ({} bad on purpose, for the dead letters); {} refused at the HTTP ingress",
                accepted,
                props.demo().youngPeople(),
                bad,
                rejected);
    }

    /**
     * The coordinators and meetings, as the admin registers them; a young person the hub has not
     * processed yet answers {@code 404}, so each is tried again for up to two minutes.
     */
    private void register(List<DemoData.Registration> registrations) throws InterruptedException {
        String token = props.security().tokens().get(Credentials.ADMIN);
        if (token == null || token.isBlank()) {
            token = Credentials.developmentToken(Credentials.ADMIN);
        }
        long deadline = System.currentTimeMillis() + 120_000;
        int registered = 0;
        for (DemoData.Registration r : registrations) {
            try {
                int status = postJson(r.path(), r.body(), token);
                while (status == 404 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(500);
                    status = postJson(r.path(), r.body(), token);
                }
                if (status == 202) {
                    registered++;
                }
            } catch (IOException e) {
                LOG.warn("Demo: a registration failed: {}", e.getClass().getSimpleName());
            }
        }
        LOG.info("Demo: {} coordinators and meetings registered", registered);
    }

    private int postJson(String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://127.0.0.1:"
                                                + env.getProperty("local.server.port", "8080")
                                                + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A drop file, written as the system does: as {@code .part}, then renamed. */
    private static void drop(Systems.HubSystem system, byte[] file) throws IOException {
        Path inbox = system.settings().fileDrop().inbox();
        Files.createDirectories(inbox);
        Path part = inbox.resolve("demo-" + System.nanoTime() + ".csv.part");
        Files.write(part, file);
        Files.move(
                part,
                inbox.resolve(part.getFileName().toString().replace(".part", "")),
                StandardCopyOption.ATOMIC_MOVE);
    }

    private int post(Systems.HubSystem system, byte[] body)
            throws IOException, InterruptedException {
        String token = system.settings().token();
        if (token == null || token.isBlank()) {
            token = Credentials.developmentToken(system.id());
        }
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://127.0.0.1:"
                                                + env.getProperty("local.server.port", "8080")
                                                + "/api/v1/"
                                                + system.id()
                                                + "/events"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", system.descriptor().nativeMediaType())
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static byte[] example(String name) {
        try (InputStream in = new ClassPathResource("demo/" + name).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
