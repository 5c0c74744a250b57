package dk.youthhub.hub.health;

import dk.youthhub.hub.delivery.HttpDeliveries;
import dk.youthhub.hub.filedrop.FileDrops;
import dk.youthhub.hub.ingest.IngestStreams;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.receipts.ReceiptsStreams;
import dk.youthhub.hub.streams.CoreStreams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code UP} only when every route and stage runs and the Kafka cluster answers. */
@Component("hub")
public class HubHealthIndicator implements HealthIndicator, AutoCloseable {
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(3);

    private final CamelContext camel;
    private final KafkaClients clients;
    private final HttpDeliveries deliveries;
    private final FileDrops fileDrops;
    private final IngestStreams ingest;
    private final ReceiptsStreams receipts;
    private final CoreStreams core;
    private volatile Admin admin;

    public HubHealthIndicator(
            CamelContext camel,
            KafkaClients clients,
            HttpDeliveries deliveries,
            FileDrops fileDrops,
            IngestStreams ingest,
            ReceiptsStreams receipts,
            CoreStreams core) {
        this.camel = camel;
        this.clients = clients;
        this.deliveries = deliveries;
        this.fileDrops = fileDrops;
        this.ingest = ingest;
        this.receipts = receipts;
        this.core = core;
    }

    @Override
    public Health health() {
        if (!camel.isStarted()) {
            return Health.down().withDetail("camel", camel.getStatus().name()).build();
        }
        List<String> stopped =
                camel.getRoutes().stream()
                        .map(Route::getRouteId)
                        .filter(
                                id ->
                                        camel.getRouteController().getRouteStatus(id)
                                                != ServiceStatus.Started)
                        .toList();
        if (!stopped.isEmpty()) {
            return Health.down().withDetail("routesNotStarted", stopped).build();
        }
        if (!ingest.isHealthy()) {
            return Health.down().withDetail("ingest", ingest.state()).build();
        }
        if (!core.isHealthy()) {
            return Health.down().withDetail("core", core.state()).build();
        }
        if (!receipts.isHealthy()) {
            return Health.down().withDetail("receipts", receipts.state()).build();
        }
        for (Map.Entry<String, HttpDeliveries.Channel> c : deliveries.channels().entrySet()) {
            String state = c.getValue().state();
            if (!Set.of("RUNNING", "OFF").contains(state)) {
                return Health.down().withDetail(c.getKey() + "Delivery", state).build();
            }
        }
        try {
            int nodes =
                    admin().describeCluster(
                                    new DescribeClusterOptions()
                                            .timeoutMs((int) KAFKA_TIMEOUT.toMillis()))
                            .nodes()
                            .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                            .size();
            // a recipient that is down is not the hub being down: a detail, not a status
            Health.Builder up =
                    Health.up()
                            .withDetail("routes", camel.getRoutes().size())
                            .withDetail("kafkaNodes", nodes)
                            .withDetail("ingest", ingest.state())
                            .withDetail("core", core.state())
                            .withDetail("receipts", receipts.state());
            deliveries
                    .channels()
                    .forEach(
                            (system, c) ->
                                    up.withDetail(system + "Delivery", c.state())
                                            .withDetail(system + "Circuit", c.breaker().state()));
            fileDrops
                    .states()
                    .forEach((system, state) -> up.withDetail(system + "FileDrop", state));
            return up.build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.down().withDetail("kafka", e.getClass().getSimpleName()).build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = clients.admin();
                }
            }
        }
        return admin;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
