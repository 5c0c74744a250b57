package dk.youthhub.hub.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.TopicFollower;
import dk.youthhub.hub.kafka.TopicInitializer;
import dk.youthhub.hub.kafka.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What became of each event a system sent over HTTP, for {@code GET /api/v1/<id>/events/{eventId}}:
 * every instance reads the system's events topic (the ingress marks each record with {@code
 * hub_event_id}) and its outcomes topic from the start, within their retention. An event is known
 * from its {@code 202} on (the instance that answered registers it at once).
 */
@Component
public class EventOutcomes implements SmartLifecycle {
    /** The event id the ingress puts on each record it writes (a hub-written topic). */
    public static final String EVENT_ID = "hub_event_id";

    private static final Logger LOG = LoggerFactory.getLogger(EventOutcomes.class);

    private final Map<String, Map<String, List<JsonNode>>> bySystem = new ConcurrentHashMap<>();
    private final Map<String, String> topicSystem = new ConcurrentHashMap<>();
    private final Map<String, Boolean> outcomeTopics = new ConcurrentHashMap<>();
    private final TopicFollower follower;

    public EventOutcomes(
            Systems systems, Topics topics, KafkaClients clients, TopicInitializer topicsCreated) {
        for (Systems.HubSystem s : systems.inbound(ConnectorDescriptor.Inbound.HTTP_INGRESS)) {
            bySystem.put(s.id(), new ConcurrentHashMap<>());
            topics.events(s.system()).ifPresent(t -> topicSystem.put(t, s.id()));
            topics.outcomes(s.system())
                    .ifPresent(
                            t -> {
                                topicSystem.put(t, s.id());
                                outcomeTopics.put(t, true);
                            });
        }
        this.follower =
                new TopicFollower(clients, List.copyOf(topicSystem.keySet()), this::take, () -> {});
    }

    /** An event the ingress has just stored. */
    void accepted(String system, String eventId) {
        events(system).ifPresent(m -> m.putIfAbsent(eventId, new CopyOnWriteArrayList<>()));
    }

    /** The outcomes of one of the system's events so far; empty when it never sent that id. */
    public Optional<List<JsonNode>> of(String system, String eventId) {
        return events(system).map(m -> m.get(eventId)).map(List::copyOf);
    }

    private Optional<Map<String, List<JsonNode>>> events(String system) {
        return Optional.ofNullable(bySystem.get(system));
    }

    private void take(ConsumerRecord<byte[], byte[]> r) {
        String system = topicSystem.get(r.topic());
        Map<String, List<JsonNode>> events = bySystem.get(system);
        if (outcomeTopics.containsKey(r.topic())) {
            try {
                JsonNode o = CanonicalJson.mapper().readTree(r.value());
                String id = o.path("event_id").asText(null);
                if (id != null) {
                    events.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(o);
                }
            } catch (IOException | RuntimeException unreadable) {
                LOG.debug("an outcome that cannot be read was skipped");
            }
            return;
        }
        Header id = r.headers().lastHeader(EVENT_ID);
        if (id != null) {
            events.putIfAbsent(
                    new String(id.value(), StandardCharsets.UTF_8), new CopyOnWriteArrayList<>());
        }
    }

    @Override
    public void start() {
        follower.start();
    }

    @Override
    public void stop() {
        follower.close();
    }

    @Override
    public boolean isRunning() {
        return follower.isRunning();
    }
}
