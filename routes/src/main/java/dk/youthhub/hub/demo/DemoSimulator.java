package dk.youthhub.hub.demo;

import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.hub.config.HubProperties;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Demo mode ({@code --hub.demo.enabled=true}): once the hub is up, plays the source systems. The
 * DUBU-like and DHUV-like systems publish to their topics; the job centre POSTs to the hub's HTTP
 * ingress with its token, as it would for real. First the contracts' examples, then generated
 * events for {@code hub.demo.young-people} young people ({@link DemoData}).
 */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class DemoSimulator {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSimulator.class);
    private static final Map<String, SourceSystem> EXAMPLES =
            Map.of(
                    "dubu-samtykke-barn.xml", SourceSystem.DUBU,
                    "dubu-samtykke-foraelder.xml", SourceSystem.DUBU,
                    "dubu-handleplan.xml", SourceSystem.DUBU,
                    "dubu-undersoegelse.xml", SourceSystem.DUBU,
                    "dhuv-handleplan.json", SourceSystem.DHUV,
                    "dhuv-udredning.json", SourceSystem.DHUV,
                    "jobcenter-jobplan.json", SourceSystem.JOBCENTER,
                    "jobcenter-ressourceprofil.json", SourceSystem.JOBCENTER);

    private final HubProperties props;
    private final KafkaClients clients;
    private final Topics topics;
    private final Environment env;
    private final CamelContext camel;
    private final HttpClient http = HttpClient.newHttpClient();

    public DemoSimulator(
            HubProperties props,
            KafkaClients clients,
            Topics topics,
            Environment env,
            CamelContext camel) {
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
        EXAMPLES.keySet().stream()
                .sorted()
                .forEach(
                        name ->
                                events.add(
                                        new DemoData.Event(
                                                EXAMPLES.get(name), example(name), false)));
        events.addAll(
                new DemoData(props.demo().seed(), LocalDate.now(ZoneId.of("Europe/Copenhagen")))
                        .events(props.demo().youngPeople()));
        int accepted = 0;
        int rejected = 0;
        try (Producer<byte[], byte[]> producer = clients.idempotentProducer("demo")) {
            for (DemoData.Event e : events) {
                if (e.system() == SourceSystem.JOBCENTER) {
                    int status = post(e.payload());
                    if (status == 202) {
                        accepted++;
                    } else {
                        rejected++;
                        LOG.info("Demo: the HTTP ingress answered {}", status);
                    }
                } else {
                    producer.send(
                                    new ProducerRecord<>(
                                            topics.inbound(e.system()).orElseThrow(), e.payload()))
                            .get();
                    accepted++;
                }
            }
        } catch (ExecutionException | IOException e) {
            LOG.warn("Demo stopped early: {}", e.getClass().getSimpleName());
        }
        long bad = events.stream().filter(DemoData.Event::bad).count();
        LOG.info(
                "Demo: {} events for {} young people sent ({} bad on purpose, for the dead letters); {} refused at the HTTP ingress",
                accepted,
                props.demo().youngPeople(),
                bad,
                rejected);
    }

    private int post(byte[] body) throws IOException, InterruptedException {
        String token = props.security().tokens().getOrDefault("jobcenter", "");
        if (token.isBlank()) {
            token = Credentials.developmentToken("jobcenter");
        }
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://127.0.0.1:"
                                                + env.getProperty("local.server.port", "8080")
                                                + "/api/v1/jobcenter/events"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
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
