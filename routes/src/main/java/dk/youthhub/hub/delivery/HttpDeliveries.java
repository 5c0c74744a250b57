package dk.youthhub.hub.delivery;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.TopicView;
import dk.youthhub.hub.kafka.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The HTTP deliveries: for each system whose connector delivers over HTTP, its deliveries topic to
 * its endpoint, as stage {@code <id>-delivery} ({@link DeliveryStage} with {@link HttpDelivery})
 * with its own circuit. Off for a system without a base URL ({@code HUB_<ID>_BASE_URL}): its
 * deliveries then wait on their topic.
 */
@Component
public class HttpDeliveries implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDeliveries.class);

    /** One system's HTTP delivery; {@code stage} is null while it has no base URL. */
    public record Channel(CircuitBreaker breaker, HttpDelivery delivery, DeliveryStage stage) {
        public String state() {
            return stage == null ? "OFF" : stage.state();
        }
    }

    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final TopicView withdrawals;

    public HttpDeliveries(
            HubProperties props,
            Systems systems,
            KafkaClients clients,
            DeadLetters deadLetters,
            Topics topics,
            Clock clock,
            MeterRegistry meters) {
        this.withdrawals = new TopicView(clients, topics.withdrawals());
        for (Systems.HubSystem s : systems.enabled()) {
            if (!s.descriptor().deliversOverHttp()) {
                continue;
            }
            HubProperties.HttpDelivery h = s.settings().httpDelivery();
            CircuitBreaker breaker =
                    new CircuitBreaker(h.breakerFailureThreshold(), h.breakerOpenMs(), clock);
            if (!h.configured()) {
                LOG.info(
                        "HUB_{}_BASE_URL is not set: {} deliveries wait on their topic",
                        s.id().toUpperCase(Locale.ROOT),
                        s.id());
                channels.put(s.id(), new Channel(breaker, null, null));
                continue;
            }
            HttpDelivery delivery =
                    new HttpDelivery(
                            s.id(),
                            s.descriptor().httpDeliveryPath(),
                            s.descriptor().nativeMediaType(),
                            h,
                            token(s.id(), h, props),
                            breaker,
                            clock,
                            withdrawals::get,
                            outcome ->
                                    Counter.builder("hub.delivery.attempts")
                                            .description(
                                                    "HTTP delivery calls by outcome: accepted,"
                                                            + " refused, retried")
                                            .tag("system", s.id())
                                            .tag("outcome", outcome)
                                            .register(meters)
                                            .increment());
            DeliveryStage stage =
                    new DeliveryStage(
                            new DeliveryStage.Settings(
                                    stageId(s.id()),
                                    s.id(),
                                    topics.deliveries(s.system()),
                                    h.maxBatch(),
                                    h.concurrency(),
                                    props.stage().pollTimeoutMs(),
                                    props.stage().maxRetryBackoffMs(),
                                    h.timeoutMs() + 1000L,
                                    topics.notices()),
                            delivery,
                            clients,
                            deadLetters);
            channels.put(s.id(), new Channel(breaker, delivery, stage));
        }
    }

    public static String stageId(String system) {
        return system + "-delivery";
    }

    /** Every system with an HTTP delivery, by id. */
    public Map<String, Channel> channels() {
        return channels;
    }

    /** What is wrong with the HTTP delivery settings; empty when nothing. */
    public static List<String> problems(HubProperties props, Systems systems) {
        List<String> problems = new ArrayList<>();
        for (Systems.HubSystem s : systems.enabled()) {
            HubProperties.HttpDelivery h = s.settings().httpDelivery();
            boolean tokenless = h.token() == null || h.token().isBlank();
            if (s.descriptor().deliversOverHttp()
                    && h.configured()
                    && tokenless
                    && !props.security().developmentDefaults()) {
                String env = s.id().toUpperCase(Locale.ROOT);
                problems.add(
                        "HUB_" + env + "_DELIVERY_TOKEN must be set with HUB_" + env + "_BASE_URL");
            }
        }
        return problems;
    }

    /** The development token the hub sends to a system without a configured one. */
    public static String developmentToken(String system) {
        return "dev-token-hub-to-" + system;
    }

    private static String token(String system, HubProperties.HttpDelivery h, HubProperties props) {
        if (h.token() != null && !h.token().isBlank()) {
            return h.token();
        }
        if (!props.security().developmentDefaults()) {
            throw new IllegalStateException(
                    "HUB_" + system.toUpperCase(Locale.ROOT) + "_DELIVERY_TOKEN is not set");
        }
        LOG.warn(
                "HUB_{}_DELIVERY_TOKEN is not set: using the documented development token",
                system.toUpperCase(Locale.ROOT));
        return developmentToken(system);
    }

    @Override
    public void start() {
        if (channels.values().stream().anyMatch(c -> c.stage() != null)) {
            withdrawals.start();
        }
        channels.values().stream().filter(c -> c.stage() != null).forEach(c -> c.stage().start());
    }

    @Override
    public void stop() {
        for (Channel c : channels.values()) {
            if (c.stage() != null) {
                c.stage().stop();
                try {
                    c.delivery().close();
                } catch (IOException e) {
                    LOG.debug("closing an HTTP client", e);
                }
            }
        }
        withdrawals.close();
    }

    @Override
    public boolean isRunning() {
        return channels.values().stream().anyMatch(c -> c.stage() != null && c.stage().isRunning());
    }
}
