package dk.youthhub.hub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.MappingException;
import dk.youthhub.connector.SafeJson;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.stage.InboundRecord;
import dk.youthhub.hub.stage.RecordTransformer;
import dk.youthhub.hub.stage.TransientStageException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each job-centre delivery to {@code <base-url>/api/v1/hub-deliveries} with the hub's bearer
 * token and an {@code Idempotency-Key} that is the same for the same document version and differs
 * between versions. {@code 2xx} and {@code 409} are delivered; {@code 408}, {@code 429} (honouring
 * {@code Retry-After}), {@code 5xx} and timeouts are retried with exponential backoff, and after
 * {@code max-attempts} the batch is retried later; any other {@code 4xx} dead-letters the delivery
 * {@code DELIVERY_FAILED}. A circuit breaker stops calls to a job centre that keeps failing.
 */
public final class JobcenterDelivery implements RecordTransformer {
    public static final String PATH = "/api/v1/hub-deliveries";
    private static final Logger LOG = LoggerFactory.getLogger(JobcenterDelivery.class);
    private static final long FIRST_BACKOFF_MS = 100;

    private final URI endpoint;
    private final String token;
    private final HubProperties.Jobcenter settings;
    private final CircuitBreaker breaker;
    private final DeadLetters deadLetters;
    private final HttpClient http;

    public JobcenterDelivery(
            HubProperties.Jobcenter settings,
            String token,
            CircuitBreaker breaker,
            DeadLetters deadLetters) {
        this.endpoint = URI.create(settings.baseUrl().replaceAll("/+$", "") + PATH);
        this.token = token;
        this.settings = settings;
        this.breaker = breaker;
        this.deadLetters = deadLetters;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofMillis(settings.timeoutMs()))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    /** The same for the same document version and recipient, different between versions. */
    public static String idempotencyKey(String documentId, long version) {
        return UUID.nameUUIDFromBytes(
                        ("jobcenter|" + documentId + "|" + version)
                                .getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> transform(InboundRecord in)
            throws TransientStageException {
        try {
            return deliver(in);
        } catch (RuntimeException e) {
            // A defect, not the job centre's answer: keep the delivery for replay after a fix.
            LOG.error("Unexpected {} delivering {}", e.getClass().getName(), in.position());
            return deadLetters.of(
                    in,
                    ErrorCode.PROCESSING_FAILED,
                    "unexpected " + e.getClass().getSimpleName() + " in the hub");
        }
    }

    private List<ProducerRecord<byte[], byte[]>> deliver(InboundRecord in)
            throws TransientStageException {
        String key;
        try {
            JsonNode delivery = SafeJson.parse(in.value());
            key =
                    idempotencyKey(
                            delivery.path("documentId").asText(),
                            delivery.path("version").asLong());
        } catch (MappingException e) {
            return deadLetters.of(in, e.code(), e.getMessage());
        }
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (!breaker.allowsCall()) {
                throw new TransientStageException("the job centre's circuit is open", null);
            }
            long wait = backoff;
            try {
                HttpResponse<Void> response =
                        http.send(request(in.value(), key), HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status / 100 == 2 || status == 409) {
                    breaker.success();
                    return List.of();
                }
                if (!retriable(status)) {
                    breaker.success();
                    return deadLetters.of(
                            in, ErrorCode.DELIVERY_FAILED, "the job centre answered " + status);
                }
                breaker.failure();
                wait = Math.max(backoff, retryAfterMs(response));
                LOG.warn(
                        "Job-centre delivery {} answered {}, attempt {}",
                        in.position(),
                        status,
                        attempt);
            } catch (IOException e) {
                breaker.failure();
                LOG.warn(
                        "Job-centre delivery {} failed ({}), attempt {}",
                        in.position(),
                        e.getClass().getSimpleName(),
                        attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientStageException("interrupted", e);
            }
            if (attempt < settings.maxAttempts()) {
                sleep(wait);
                backoff = Math.min(backoff * 2, settings.maxBackoffMs());
            }
        }
        throw new TransientStageException(
                "not delivered after " + settings.maxAttempts() + " attempts", null);
    }

    private HttpRequest request(byte[] body, String idempotencyKey) {
        return HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofMillis(settings.timeoutMs()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static boolean retriable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** {@code Retry-After} in seconds or as an HTTP date, capped; 0 when absent or unreadable. */
    private long retryAfterMs(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .map(
                        v -> {
                            try {
                                return Long.parseLong(v.strip()) * 1000;
                            } catch (NumberFormatException notSeconds) {
                                try {
                                    return Duration.between(
                                                    ZonedDateTime.now(),
                                                    ZonedDateTime.parse(
                                                            v.strip(),
                                                            DateTimeFormatter.RFC_1123_DATE_TIME))
                                            .toMillis();
                                } catch (DateTimeParseException notADate) {
                                    return 0L;
                                }
                            }
                        })
                .map(ms -> Math.max(0, Math.min(ms, settings.maxRetryAfterMs())))
                .orElse(0L);
    }

    private static void sleep(long ms) throws TransientStageException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientStageException("interrupted", e);
        }
    }
}
