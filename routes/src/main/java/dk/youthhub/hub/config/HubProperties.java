package dk.youthhub.hub.config;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.ThemeCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
        @NotNull Map<String, @Valid SystemSettings> systems,
        @Valid @NotNull Demo demo,
        @Valid @NotNull Core core,
        @Valid @NotNull Dedupe dedupe,
        @Valid @NotNull Audit audit,
        @Valid @NotNull Receipts receipts,
        Map<String, @Valid Coordinator> coordinators,
        @Valid @NotNull Reports reports) {

    /** The coordinators' credentials, by id ({@code hub.coordinators.<id>.*}). */
    public Map<String, Coordinator> coordinators() {
        return coordinators == null ? Map.of() : coordinators;
    }

    /**
     * One coordinator's credential ({@code collaboration.md}): {@code HUB_COORDINATORS_<ID>_TOKEN},
     * {@code _KOMMUNER}, {@code _SYSTEM}.
     *
     * @param kommuner the municipality codes it serves, comma-separated, or {@code *} for all
     * @param system the administration it works in: it sees no more than that system could have
     *     received
     */
    public record Coordinator(String token, @NotBlank String kommuner, @NotBlank String system) {

        /** Whether it serves this municipality. */
        public boolean serves(String kommune) {
            if (kommuner.strip().equals("*")) {
                return true;
            }
            return kommune != null
                    && java.util.Arrays.stream(kommuner.split(","))
                            .map(String::strip)
                            .anyMatch(kommune::equals);
        }
    }

    /**
     * The documentation model report.
     *
     * @param minCell counts from 1 to {@code minCell - 1} are suppressed
     * @param gaugeInterval how often the figures' gauges are refreshed
     */
    public record Reports(@Min(1) int minCell, @NotNull Duration gaugeInterval) {}

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

    /**
     * The embedded single broker, on when no {@code KAFKA_BOOTSTRAP_SERVERS} is set.
     *
     * @param flushEveryMessage write each message to disk ({@code fsync}) before acknowledging it,
     *     so an OS crash or a power loss loses nothing acknowledged; false leaves it to the OS
     *     (Kafka's default), which may lose the last seconds then (BENCHMARKS.md measures both)
     */
    public record Embedded(
            boolean enabled,
            @NotBlank String host,
            @Min(1) @Max(65535) int port,
            @Min(1) @Max(65535) int controllerPort,
            boolean flushEveryMessage) {}

    /**
     * How topics are named and created. A system's topics follow {@code <id>.events.v1} and {@code
     * <id>.deliveries.v1} (overrides: {@code hub.systems.<id>.topics.*}); canonical topics {@code
     * canonical.<type>.v1}.
     *
     * @param prefix put before every topic name the hub uses (empty by default), to keep several
     *     hubs or tests apart on one cluster
     * @param replicationFactor -1 for the broker's default
     */
    public record Topics(
            @NotNull String prefix,
            @NotBlank String deadLetter,
            @NotBlank String held,
            @NotBlank String audit,
            @Min(1) int partitions,
            @Min(-1) short replicationFactor,
            @Valid @NotNull Retention retention) {}

    /**
     * How long each kind of topic keeps its records ({@code retention.ms}, set when the hub creates
     * a topic and checked at start). Held documents are kept at least {@code
     * hub.core.held-retention}; deliveries at least twice the longest {@code max-outage}.
     */
    public record Retention(
            @NotNull Duration events,
            @NotNull Duration canonical,
            @NotNull Duration deliveries,
            @NotNull Duration receipts,
            @NotNull Duration outcomes,
            @NotNull Duration held,
            @NotNull Duration deadLetter,
            @NotNull Duration audit) {}

    /**
     * @param maxPayloadBytes inputs and rendered outputs larger than this are dead-lettered {@code
     *     TOO_LARGE}
     * @param maxRecordBytes the largest record the hub writes (key, value and headers); below the
     *     broker's {@code message.max.bytes}. A dead letter whose value would pass it keeps a
     *     digest instead of the value
     * @param requestsPerSecond the HTTP API's sustained rate per token; above it {@code 429}
     * @param requestBurst how many requests a token may make at once before the rate applies
     * @param failedAuthPerMinute failed authentications from one address in a minute before it gets
     *     {@code 429} for the rest of that minute
     */
    public record Limits(
            @Min(1) @Max(8 * 1024 * 1024) int maxPayloadBytes,
            @Min(1024) @Max(64 * 1024 * 1024) int maxRecordBytes,
            @Min(1) int requestsPerSecond,
            @Min(1) int requestBurst,
            @Min(1) int failedAuthPerMinute) {}

    /**
     * Receipts from the recipients.
     *
     * @param timeout a delivery without its receipt (or answer) after this is {@code
     *     UNACKNOWLEDGED}
     * @param checkInterval how often deliveries are checked against the timeout
     */
    public record Receipts(@NotNull Duration timeout, @NotNull Duration checkInterval) {}

    /**
     * The audit chain's keys.
     *
     * @param key the key new audit records are signed with (HMAC-SHA256; {@code HUB_AUDIT_KEY})
     * @param previousKeys keys of records written before a rotation ({@code
     *     HUB_AUDIT_PREVIOUS_KEYS}, comma-separated), so they still verify
     */
    public record Audit(String key, List<String> previousKeys) {

        public List<String> previousKeys() {
            return previousKeys == null
                    ? List.of()
                    : previousKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        }
    }

    /**
     * The same event (source system and event id) is processed once within this window.
     *
     * @param window how long an event id is remembered
     */
    public record Dedupe(@NotNull Duration window) {}

    /**
     * HTTP credentials of the roles ({@code admin}); each system's token is {@code
     * hub.systems.<id>.token}.
     */
    /**
     * @param tokens the roles' bearer tokens
     * @param developmentDefaults whether missing secrets and tokens take their published
     *     development values: decided at start ({@code DevelopmentMode}), never configured
     * @param developmentCoordinatorSystem the system of the development coordinator ({@code dev}),
     *     which exists only with the development values and no coordinator configured
     */
    public record Security(
            Map<String, String> tokens,
            boolean developmentDefaults,
            String developmentCoordinatorSystem) {

        /**
         * Why a secret or token must be set: the sentence every such start-up problem ends with.
         */
        public static final String WHY_REQUIRED =
                "the hub is reachable beyond this machine (an external Kafka, or a listener not on"
                        + " loopback) and HUB_DEV_MODE is not true, so the published development"
                        + " values are refused";

        public Map<String, String> tokens() {
            return tokens == null ? Map.of() : tokens;
        }
    }

    /**
     * One system's settings, under {@code hub.systems.<id>.*}; every connector the hub finds has an
     * entry ({@code SystemEnvironment}). Unset parts take the connector descriptor's defaults.
     *
     * @param enabled whether the hub reads from and delivers to this system
     * @param token the bearer token of the system's own HTTP endpoints ({@code HUB_TOKEN_<ID>})
     * @param withheldThemes themes it never receives; null: the descriptor's
     */
    public record SystemSettings(
            @DefaultValue("true") boolean enabled,
            String token,
            @Valid @DefaultValue TopicNames topics,
            @Valid @DefaultValue HttpDelivery httpDelivery,
            @Valid @DefaultValue FileDrop fileDrop,
            @Valid @DefaultValue RoutingTarget routing,
            Set<ThemeCode> withheldThemes) {}

    /**
     * @param events where its native events are (null: {@code <id>.events.v1})
     * @param deliveries where its deliveries are (null: {@code <id>.deliveries.v1})
     * @param receipts where it acknowledges them (null: {@code <id>.receipts.v1})
     */
    public record TopicNames(String events, String deliveries, String receipts) {}

    /**
     * Deliveries POSTed to a system whose connector delivers over HTTP.
     *
     * @param baseUrl where deliveries are POSTed ({@code <baseUrl><connector's path>}; {@code
     *     HUB_<ID>_BASE_URL}); blank: no HTTP delivery runs and deliveries wait on their topic
     * @param token the bearer token the system expects from the hub ({@code
     *     HUB_<ID>_DELIVERY_TOKEN})
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
    public record HttpDelivery(
            String baseUrl,
            String token,
            @DefaultValue("10000") @Min(100) int timeoutMs,
            @DefaultValue("5") @Min(1) int maxAttempts,
            @DefaultValue("60000") @Min(1) long maxRetryMs,
            @DefaultValue("3d") @NotNull Duration maxOutage,
            @DefaultValue("10000") @Min(1) long maxBackoffMs,
            @DefaultValue("60000") @Min(0) long maxRetryAfterMs,
            @DefaultValue("5") @Min(1) int breakerFailureThreshold,
            @DefaultValue("30000") @Min(1) long breakerOpenMs,
            @DefaultValue("200") @Min(1) @Max(10000) int maxBatch,
            @DefaultValue("6") @Min(1) @Max(64) int concurrency) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank();
        }

        /**
         * An outage (every call failing) must open the circuit before it spends a document's bound,
         * or the first documents of an outage would be dead-lettered.
         */
        @AssertTrue(message = "max-attempts must be at least breaker-failure-threshold")
        public boolean isOutageOpensTheCircuitFirst() {
            return maxAttempts >= breakerFailureThreshold;
        }
    }

    /**
     * A system's drop folder, for a connector whose inbound is a file drop.
     *
     * @param inbox the folder ({@code HUB_<ID>_INBOX}, default {@code <data-dir>/<id>-inbox}); it
     *     gets {@code done/} and {@code failed/} beside the files
     * @param pollInterval how often the folder is looked at
     * @param progressEvery rows per transaction while a file is read; a restart goes on after the
     *     last committed one
     */
    public record FileDrop(
            Path inbox,
            @DefaultValue("5s") @NotNull Duration pollInterval,
            @DefaultValue("5000") @Min(1) @Max(100000) int progressEvery) {}

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
     * @param erasureAfterYears a former young person is erased this many years after the day scope
     *     ends (the 23rd birthday)
     */
    public record Core(
            @NotNull Duration heldRetention,
            @NotNull Duration releaseCheckInterval,
            @Valid @NotNull Scope scope,
            @Min(0) @Max(100) int erasureAfterYears) {}

    /**
     * Who is in scope.
     *
     * @param fromAge the youngest age in scope
     * @param untilAge the age at which a young person leaves scope
     */
    public record Scope(@NotNull Period fromAge, @NotNull Period untilAge) {}

    /**
     * What one recipient is sent; unset parts take the descriptor's defaults (every type it
     * receives, from every other system, from the descriptor's age).
     *
     * @param sources system ids whose documents it receives
     * @param fromAge the age from which it receives documents
     */
    public record RoutingTarget(Set<DocumentType> types, Set<String> sources, Period fromAge) {}

    /**
     * How the stages consume.
     *
     * @param maxBatch records per poll of the ingest and core stages
     * @param pollTimeoutMs how long a poll waits
     * @param consumers stream threads of the ingest and core stages per instance
     * @param maxRetryBackoffMs the longest pause of a delivery stage before it starts again after a
     *     Kafka failure
     * @param commitIntervalMs how often the ingest, core and receipts stages commit their
     *     transaction: what they wrote becomes visible then, so each stage adds up to this to a
     *     document's way through the hub
     */
    public record Stage(
            @Min(1) @Max(10000) int maxBatch,
            @Min(10) int pollTimeoutMs,
            @Min(1) @Max(64) int consumers,
            @Min(10) long maxRetryBackoffMs,
            @Min(1) @Max(60000) int commitIntervalMs) {}
}
