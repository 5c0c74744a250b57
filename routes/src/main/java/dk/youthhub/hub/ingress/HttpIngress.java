package dk.youthhub.hub.ingress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.inbound.InboundTransformer;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.security.Problems;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The HTTP ingress of every system whose connector declares one ({@code POST /api/v1/<id>/events}):
 * checks one native event exactly as the ingest stage will (the connector's mapper, the canonical
 * schema, the hub's own rules), writes it unchanged to the system's events topic keyed by the
 * pseudonym, and answers {@code 202} only once Kafka acknowledged the write ({@code acks=all}). An
 * event that would be dead-lettered gets {@code 400} naming the code and fields, and is not stored.
 */
@Component
public class HttpIngress {
    private static final Logger LOG = LoggerFactory.getLogger(HttpIngress.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private record Target(
            InboundTransformer transformer, String topic, String name, String mediaType) {}

    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Producer<byte[], byte[]> producer;
    private final int maxPayloadBytes;
    private final EventOutcomes outcomes;

    public HttpIngress(
            Systems systems,
            KafkaClients clients,
            Topics topics,
            Pseudonymizer pseudonymizer,
            HubProperties props,
            EventOutcomes outcomes) {
        this.outcomes = outcomes;
        for (Systems.HubSystem s : systems.inbound(ConnectorDescriptor.Inbound.HTTP_INGRESS)) {
            targets.put(
                    s.id(),
                    new Target(
                            InboundTransformer.of(s, systems, pseudonymizer, props),
                            topics.events(s.system()).orElseThrow(),
                            s.descriptor().displayName(),
                            s.descriptor().nativeMediaType()));
        }
        this.producer = clients.idempotentProducer("http-ingress");
        this.maxPayloadBytes = props.limits().maxPayloadBytes();
    }

    /** The systems with an HTTP ingress. */
    public java.util.Set<String> systems() {
        return targets.keySet();
    }

    /** The media type of a system's native events. */
    public String mediaType(String system) {
        return targets.get(system).mediaType();
    }

    /** Handles one event POSTed by {@code system}. */
    public void accept(String system, Exchange exchange) throws InterruptedException {
        Target target = targets.get(system);
        Message in = exchange.getMessage();
        byte[] body = in.getBody(byte[].class);
        in.removeHeaders("*");
        if (body != null && body.length > maxPayloadBytes) {
            answer(
                    in,
                    413,
                    Problems.of(
                            413, "The body is over the limit of " + maxPayloadBytes + " bytes"));
            return;
        }
        InboundTransformer.Outcome outcome =
                target.transformer().transform("http", body, System.currentTimeMillis());
        if (outcome instanceof InboundTransformer.Rejected rejected) {
            boolean defect = rejected.reason().code() == ErrorCode.PROCESSING_FAILED;
            answer(
                    in,
                    defect ? 500 : 400,
                    Problems.withErrors(
                            defect ? 500 : 400,
                            defect
                                    ? "The hub failed on this event; it was not stored"
                                    : "The event is not a valid event of " + target.name(),
                            rejected.reason().code().name(),
                            Arrays.asList(rejected.reason().safeMessage().split("; "))));
            return;
        }
        InboundTransformer.Canonical canonical = (InboundTransformer.Canonical) outcome;
        String eventId = canonical.eventKey().substring(canonical.eventKey().indexOf('|') + 1);
        try {
            ProducerRecord<byte[], byte[]> stored =
                    new ProducerRecord<>(
                            target.topic(),
                            canonical.pseudonym().getBytes(StandardCharsets.UTF_8),
                            body);
            stored.headers().add(EventOutcomes.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
            var metadata = producer.send(stored).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            outcomes.accepted(system, eventId);
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
            in.setHeader("Location", "/api/v1/" + system + "/events/" + eventId);
            in.setHeader(Exchange.CONTENT_TYPE, "application/json");
            in.setBody(
                    CanonicalJson.mapper()
                            .writeValueAsBytes(
                                    Map.of(
                                            "eventId",
                                            eventId,
                                            "status",
                                            "ACCEPTED",
                                            "partition",
                                            metadata.partition(),
                                            "offset",
                                            metadata.offset())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written", e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.warn(
                    "{} event not stored, Kafka did not acknowledge: {}",
                    system,
                    e.getClass().getName());
            in.setHeader("Retry-After", "5");
            answer(in, 503, Problems.of(503, "The event could not be stored now; send it again"));
        }
    }

    /** {@code GET /api/v1/<id>/events/{eventId}}: what became of one of the system's events. */
    public void outcomesOf(String system, Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getMessage();
        String eventId = in.getHeader("eventId", String.class);
        in.removeHeaders("*");
        Optional<List<JsonNode>> known =
                eventId == null ? Optional.empty() : outcomes.of(system, eventId);
        if (known.isEmpty()) {
            answer(in, 404, Problems.of(404, "No event of yours has that id"));
            return;
        }
        var out = CanonicalJson.mapper().createObjectNode();
        out.put("eventId", eventId);
        out.set("outcomes", CanonicalJson.mapper().valueToTree(known.get()));
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setBody(CanonicalJson.mapper().writeValueAsBytes(out));
    }

    private static void answer(Message in, int status, byte[] problem) {
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        in.setHeader(Exchange.CONTENT_TYPE, Problems.MEDIA_TYPE);
        in.setBody(problem);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
