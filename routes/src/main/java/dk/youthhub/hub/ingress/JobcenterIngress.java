package dk.youthhub.hub.ingress;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.InboundMapper;
import dk.youthhub.connector.MappingException;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.kafka.KafkaClients;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.security.Problems;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job centre's ingress: checks one native event with the job-centre connector's own mapper (so
 * the HTTP answer and the later mapping agree), writes it unchanged to {@code jobcenter.events.v1}
 * keyed by the pseudonym, and answers {@code 202} only once Kafka acknowledged the write ({@code
 * acks=all}). A rejected event is not stored.
 */
@Component
public class JobcenterIngress implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(JobcenterIngress.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final InboundMapper mapper;
    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final Pseudonymizer pseudonymizer;
    private final int maxPayloadBytes;

    public JobcenterIngress(
            ConnectorRegistry registry,
            KafkaClients clients,
            Topics topics,
            Pseudonymizer pseudonymizer,
            HubProperties props) {
        this.mapper = registry.of(SourceSystem.JOBCENTER).inboundMapper().orElseThrow();
        this.producer = clients.idempotentProducer("jobcenter-ingress");
        this.topic = topics.inbound(SourceSystem.JOBCENTER).orElseThrow();
        this.pseudonymizer = pseudonymizer;
        this.maxPayloadBytes = props.limits().maxPayloadBytes();
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
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
        CanonicalDocument event;
        try {
            event = mapper.toCanonical(body, Instant.now());
        } catch (MappingException e) {
            answer(
                    in,
                    400,
                    Problems.withErrors(
                            400,
                            "The event is not a valid job-centre event",
                            e.code().name(),
                            Arrays.asList(e.getMessage().split("; "))));
            return;
        }
        String cpr = event.youngPerson().cpr();
        String eventId = event.provenance().sourceEventId();
        try {
            var metadata =
                    producer.send(
                                    new ProducerRecord<>(
                                            topic,
                                            pseudonymizer
                                                    .pseudonym(cpr)
                                                    .getBytes(StandardCharsets.UTF_8),
                                            body))
                            .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
            in.setHeader(Exchange.CONTENT_TYPE, "application/json");
            in.setBody(
                    ("{\"eventId\":\""
                                    + eventId
                                    + "\",\"status\":\"ACCEPTED\",\"partition\":"
                                    + metadata.partition()
                                    + ",\"offset\":"
                                    + metadata.offset()
                                    + "}")
                            .getBytes(StandardCharsets.UTF_8));
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.warn(
                    "Job-centre event not stored, Kafka did not acknowledge: {}",
                    e.getClass().getName());
            in.setHeader("Retry-After", "5");
            answer(in, 503, Problems.of(503, "The event could not be stored now; send it again"));
        }
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
