package dk.youthhub.hub.delivery;

import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.MappingException;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.core.Withdrawal;
import dk.youthhub.hub.deadletter.DeadLetters;
import dk.youthhub.hub.kafka.CloudEvents;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs a delivery to a system whose connector delivers over HTTP ({@code <base-url><path>}, the
 * job centre's {@code /api/v1/hub-deliveries}) with the hub's bearer token and the delivery's
 * {@code ce_id} as {@code Idempotency-Key}. {@code 2xx} and {@code 409} are delivered; {@code 408},
 * {@code 429} (honouring {@code Retry-After}), {@code 5xx} and network failures are retried with
 * exponential backoff until the document's bound ({@code max-attempts} failed calls or {@code
 * max-retry-ms}, both counted only while the circuit is closed: a failure that opens the circuit,
 * and trial calls, belong to the outage) or {@code max-outage} in all; then, or at once for any
 * other {@code 4xx}, it fails {@code DELIVERY_FAILED}. While the circuit is open the call waits; it
 * does not spin.
 */
public final class HttpDelivery implements Deliverer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDelivery.class);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_OPEN_WAIT_MS = 1000;

    /** Answers that say the job centre is unavailable, not that it failed on this document. */
    private static final java.util.Set<Integer> UNAVAILABLE =
            java.util.Set.of(408, 429, 502, 503, 504);

    private final String recipient;
    private final ContentType mediaType;
    private final URI endpoint;
    private final String token;
    private final HubProperties.HttpDelivery settings;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final CloseableHttpClient http;
    private final Function<String, Optional<String>> withdrawn;

    /**
     * @param recipient the system id, the {@code hub_target} of its dead letters
     * @param path the connector's delivery path below the base URL
     * @param mediaType the {@code Content-Type} of the POST: the system's native media type
     * @param withdrawn why a delivery ({@code ce_id}) is not to be sent any more, if it is not
     */
    /** Told of each call's outcome ({@code accepted}, {@code refused}, {@code retried}). */
    private final java.util.function.Consumer<String> attempted;

    public HttpDelivery(
            String recipient,
            String path,
            String mediaType,
            HubProperties.HttpDelivery settings,
            String token,
            CircuitBreaker breaker,
            Clock clock,
            Function<String, Optional<String>> withdrawn,
            java.util.function.Consumer<String> attempted) {
        this.withdrawn = withdrawn;
        this.attempted = attempted;
        this.recipient = recipient;
        this.mediaType = ContentType.create(mediaType);
        this.endpoint = URI.create(settings.baseUrl().replaceAll("/+$", "") + path);
        this.token = token;
        this.settings = settings;
        this.breaker = breaker;
        this.clock = clock;
        Timeout timeout = Timeout.ofMilliseconds(settings.timeoutMs());
        PoolingHttpClientConnectionManager connections =
                PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(settings.concurrency())
                        .setMaxConnTotal(settings.concurrency())
                        .setDefaultConnectionConfig(
                                ConnectionConfig.custom()
                                        .setConnectTimeout(timeout)
                                        .setSocketTimeout(timeout)
                                        .build())
                        .build();
        this.http =
                HttpClients.custom()
                        .setConnectionManager(connections)
                        .setDefaultRequestConfig(
                                RequestConfig.custom()
                                        .setResponseTimeout(timeout)
                                        .setRedirectsEnabled(false)
                                        .build())
                        .disableAutomaticRetries()
                        .disableCookieManagement()
                        .build();
    }

    /** The delivery's {@code ce_id}, which the core stage writes on every delivery. */
    static String idempotencyKey(ConsumerRecord<byte[], byte[]> record) throws MappingException {
        org.apache.kafka.common.header.Header ceId = record.headers().lastHeader(CloudEvents.ID);
        if (ceId == null || ceId.value() == null || ceId.value().length == 0) {
            throw new MappingException(
                    ErrorCode.SCHEMA_VIOLATION, "a delivery without its ce_id header");
        }
        return new String(ceId.value(), StandardCharsets.UTF_8);
    }

    @Override
    public Result deliver(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        String key;
        try {
            key = idempotencyKey(record);
        } catch (MappingException e) {
            return new Failed(new DeadLetters.Reason(e.code(), e.getMessage(), recipient));
        }
        String position = record.topic() + "/" + record.partition() + "@" + record.offset();
        long started = clock.millis();
        long backoff = FIRST_BACKOFF_MS;
        int counted = 0;
        long countedMs = 0;
        String last = "no answer";
        while (true) {
            if (clock.millis() - started > settings.maxOutage().toMillis()) {
                return failed("not accepted within " + settings.maxOutage() + ": " + last);
            }
            Optional<String> withdrawal =
                    withdrawn.apply(key).flatMap(w -> Withdrawal.parse(w).of(record.timestamp()));
            if (withdrawal.isPresent()) {
                return new Withdrawn(withdrawal.get());
            }
            CircuitBreaker.Permit permit = breaker.acquire();
            if (permit == CircuitBreaker.Permit.WAIT) {
                Thread.sleep(Math.max(10, Math.min(breaker.waitMs(), MAX_OPEN_WAIT_MS)));
                continue;
            }
            long callStart = clock.millis();
            long retryAfter = 0;
            boolean unavailable = true;
            try {
                Answer answer = post(record.value(), key);
                if (answer.status() / 100 == 2 || answer.status() == 409) {
                    breaker.success();
                    attempted.accept("accepted");
                    return new Delivered();
                }
                if (!retriable(answer.status())) {
                    breaker.success();
                    attempted.accept("refused");
                    return failed("the recipient answered " + answer.status());
                }
                last = "answered " + answer.status();
                retryAfter = answer.retryAfterMs();
                unavailable = UNAVAILABLE.contains(answer.status());
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
            attempted.accept("retried");
            boolean opened = breaker.failure(key, unavailable);
            if (permit == CircuitBreaker.Permit.CALL && !opened) {
                counted++;
                countedMs += clock.millis() - callStart;
            }
            LOG.warn("Delivery to {} {} {}, attempt {}", recipient, position, last, counted);
            if (counted >= settings.maxAttempts() || countedMs >= settings.maxRetryMs()) {
                return failed("not accepted after " + counted + " attempts: " + last);
            }
            long wait = Math.max(backoff, retryAfter);
            Thread.sleep(wait);
            if (permit == CircuitBreaker.Permit.CALL && !opened) {
                countedMs += wait;
            }
            backoff = Math.min(backoff * 2, settings.maxBackoffMs());
        }
    }

    private Failed failed(String message) {
        return new Failed(new DeadLetters.Reason(ErrorCode.DELIVERY_FAILED, message, recipient));
    }

    private record Answer(int status, long retryAfterMs) {}

    private Answer post(byte[] body, String idempotencyKey) throws IOException {
        HttpPost post = new HttpPost(endpoint);
        post.setHeader("Authorization", "Bearer " + token);
        post.setHeader("Idempotency-Key", idempotencyKey);
        post.setEntity(new ByteArrayEntity(body, mediaType));
        return http.execute(
                post,
                (ClassicHttpResponse response) -> {
                    EntityUtils.consume(response.getEntity());
                    return new Answer(
                            response.getCode(),
                            retryAfterMs(response.getFirstHeader("Retry-After")));
                });
    }

    private static boolean retriable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** {@code Retry-After} in seconds or as an HTTP date, capped; 0 when absent or unreadable. */
    private long retryAfterMs(Header header) {
        if (header == null || header.getValue() == null) {
            return 0;
        }
        String v = header.getValue().strip();
        long ms;
        try {
            ms = Long.parseLong(v) * 1000;
        } catch (NumberFormatException notSeconds) {
            try {
                ms =
                        Duration.between(
                                        ZonedDateTime.now(clock),
                                        ZonedDateTime.parse(
                                                v, DateTimeFormatter.RFC_1123_DATE_TIME))
                                .toMillis();
            } catch (DateTimeParseException notADate) {
                return 0;
            }
        }
        return Math.max(0, Math.min(ms, settings.maxRetryAfterMs()));
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
