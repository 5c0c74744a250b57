package dk.youthhub.hub.config;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.canonical.ThemeCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the hub, under {@code hub.*}. Defaults are in {@code application.yml}; the
 * README's configuration table documents each.
 *
 * @param dataDir where the hub keeps its data; the embedded broker's log is {@code <dataDir>/kafka}
 * @param instanceId this instance's name, part of its transactional ids; stable per instance
 * @param pseudonymSecret the key of the young person's pseudonym (HMAC of the CPR number)
 */
@Validated
@ConfigurationProperties("hub")
public record HubProperties(
        @NotNull Path dataDir,
        @NotBlank String instanceId,
        String pseudonymSecret,
        @Valid @NotNull Kafka kafka,
        @Valid @NotNull Topics topics,
        @Valid @NotNull Limits limits,
        @Valid @NotNull Stage stage,
        @Valid @NotNull Security security,
        @Valid @NotNull Jobcenter jobcenter,
        @Valid @NotNull Demo demo,
        @Valid @NotNull Core core,
        @Valid @NotNull Dedupe dedupe) {

    /**
     * @param bootstrapServers the cluster; set by {@code KAFKA_BOOTSTRAP_SERVERS}, else the
     *     embedded broker's address
     * @param properties extra Kafka client settings (security, SASL, TLS) for every hub client
     */
    public record Kafka(
            @NotBlank String bootstrapServers,
            @NotBlank String groupPrefix,
            Map<String, String> properties,
            @Valid @NotNull Embedded embedded,
            @Min(1) int transactionTimeoutMs) {

        public Map<String, String> properties() {
            return properties == null ? Map.of() : properties;
        }
    }

    /** The embedded single broker, on when no {@code KAFKA_BOOTSTRAP_SERVERS} is set. */
    public record Embedded(
            boolean enabled,
            @NotBlank String host,
            @Min(1) @Max(65535) int port,
            @Min(1) @Max(65535) int controllerPort) {}

    /**
     * Topic names (defaults as in the contract) and how new topics are created.
     *
     * @param replicationFactor -1 for the broker's default
     */
    public record Topics(
            @NotBlank String dubuEvents,
            @NotBlank String dhuvEvents,
            @NotBlank String jobcenterEvents,
            @NotBlank String canonicalHandleplan,
            @NotBlank String canonicalJobplan,
            @NotBlank String canonicalAssessment,
            @NotBlank String canonicalEducationStatus,
            @NotBlank String canonicalConsent,
            @NotBlank String dubuDeliveries,
            @NotBlank String dhuvDeliveries,
            @NotBlank String jobcenterDeliveries,
            @NotBlank String uuDeliveries,
            @NotBlank String deadLetter,
            @NotBlank String held,
            @NotBlank String audit,
            @Min(1) int partitions,
            @Min(-1) short replicationFactor) {}

    /**
     * @param maxPayloadBytes inputs and rendered outputs larger than this are dead-lettered {@code
     *     TOO_LARGE}
     * @param maxRecordBytes the largest record the hub writes (key, value and headers); below the
     *     broker's {@code message.max.bytes}. A dead letter whose value would pass it keeps a
     *     digest instead of the value
     */
    public record Limits(
            @Min(1) @Max(8 * 1024 * 1024) int maxPayloadBytes,
            @Min(1024) @Max(64 * 1024 * 1024) int maxRecordBytes) {}

    /**
     * The same event (source system and event id) is processed once within this window.
     *
     * @param window how long an event id is remembered
     */
    public record Dedupe(@NotNull Duration window) {}

    /**
     * HTTP credentials: one bearer token per system ({@code dubu}, {@code dhuv}, {@code jobcenter},
     * {@code uu}) and one for {@code admin}.
     */
    public record Security(Map<String, String> tokens) {

        public Map<String, String> tokens() {
            return tokens == null ? Map.of() : tokens;
        }
    }

    /**
     * Deliveries to the job centre over HTTP.
     *
     * @param baseUrl where deliveries are POSTed ({@code <baseUrl>/api/v1/hub-deliveries}); blank:
     *     no HTTP delivery runs and deliveries wait on their topic
     * @param deliveryToken the bearer token the job centre expects from the hub
     * @param maxAttempts failed POSTs of one document, counted while the circuit is closed, before
     *     it is dead-lettered {@code DELIVERY_FAILED}
     * @param maxRetryMs how long one document is retried while the circuit is closed before it is
     *     dead-lettered
     * @param maxOutage how long one document may wait in all, outages included
     * @param breakerFailureThreshold consecutive failures that open the circuit
     * @param breakerOpenMs how long an open circuit stops calls before one trial call
     * @param maxBatch records per poll
     * @param concurrency partitions delivered at the same time (each in order)
     */
    public record Jobcenter(
            String baseUrl,
            String deliveryToken,
            @Min(100) int timeoutMs,
            @Min(1) int maxAttempts,
            @Min(1) long maxRetryMs,
            @NotNull Duration maxOutage,
            @Min(1) long maxBackoffMs,
            @Min(0) long maxRetryAfterMs,
            @Min(1) int breakerFailureThreshold,
            @Min(1) long breakerOpenMs,
            @Min(1) @Max(10000) int maxBatch,
            @Min(1) @Max(64) int concurrency) {

        /**
         * An outage (every call failing) must open the circuit before it spends a document's bound,
         * or the first documents of an outage would be dead-lettered.
         */
        @AssertTrue(
                message =
                        "hub.jobcenter.max-attempts must be at least"
                                + " hub.jobcenter.breaker-failure-threshold")
        public boolean isOutageOpensTheCircuitFirst() {
            return maxAttempts >= breakerFailureThreshold;
        }
    }

    /**
     * Demo data for a newcomer: the contract examples and generated events, and a fake job centre.
     *
     * @param youngPeople how many generated young people (0: only the contract examples)
     * @param seed the generator's seed, so a demo run is reproducible
     */
    public record Demo(boolean enabled, @Min(0) @Max(100000) int youngPeople, long seed) {}

    /**
     * The core stage: routing, consent, minimisation, held documents.
     *
     * @param heldRetention how long a document waits for consent before it expires
     * @param releaseCheckInterval how often held documents are reconsidered (consent validity
     *     starting) and expired
     * @param excludedThemes per recipient, the canonical themes it never receives
     */
    public record Core(
            @NotNull Duration heldRetention,
            @NotNull Duration releaseCheckInterval,
            @Valid @NotNull Routing routing,
            Map<SourceSystem, Set<ThemeCode>> excludedThemes) {

        public Map<SourceSystem, Set<ThemeCode>> excludedThemes() {
            return excludedThemes == null ? Map.of() : excludedThemes;
        }
    }

    /**
     * Who receives what.
     *
     * @param fromAge the youngest age in scope
     * @param untilAge the age at which a young person leaves scope
     */
    public record Routing(
            @NotNull Period fromAge,
            @NotNull Period untilAge,
            @NotEmpty Map<SourceSystem, @Valid RoutingTarget> targets) {}

    /**
     * @param fromAge the age from which this recipient receives documents, null for any
     */
    public record RoutingTarget(
            @NotEmpty Set<DocumentType> types,
            @NotEmpty Set<SourceSystem> sources,
            Period fromAge) {}

    /**
     * How the stages consume.
     *
     * @param maxBatch records per poll of the ingest and core stages
     * @param pollTimeoutMs how long a poll waits
     * @param consumers stream threads of the ingest and core stages per instance
     * @param maxRetryBackoffMs the longest pause of a delivery stage before it starts again after a
     *     Kafka failure
     */
    public record Stage(
            @Min(1) @Max(10000) int maxBatch,
            @Min(10) int pollTimeoutMs,
            @Min(1) @Max(64) int consumers,
            @Min(10) long maxRetryBackoffMs) {}
}
