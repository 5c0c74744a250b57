package dk.youthhub.hub.security;

import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.Systems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The bearer tokens, one per system ({@code hub.systems.<id>.token}, {@code HUB_TOKEN_<ID>}) and
 * one per role ({@code hub.security.tokens.<role>}). Only their SHA-256 digests are kept, and a
 * presented token is compared with every digest in constant time. Only where the hub allows
 * development values (every listener on loopback, or {@code HUB_DEV_MODE=true}) do missing tokens
 * get the published development tokens ({@code dev-token-<principal>}) and a warning; otherwise the
 * hub refuses to start without the admin's token and that of every system with an HTTP ingress.
 */
@Component
public class Credentials {
    public static final String ADMIN = "admin";
    public static final String LEADER = "leader";
    public static final String METRICS = "metrics";

    /** A coordinator's principal: {@code coordinator:<id>}. */
    public static final String COORDINATOR_PREFIX = "coordinator:";

    /** The development coordinator's token ({@code collaboration.md}): id {@code dev}. */
    static final String DEVELOPMENT_COORDINATOR_TOKEN = "dev-token-coordinator";

    private static final java.util.regex.Pattern COORDINATOR_ID =
            java.util.regex.Pattern.compile("[a-z0-9]{1,32}");

    private final Map<String, HubProperties.Coordinator> coordinators;
    static final int MIN_TOKEN_LENGTH = 24;
    private static final Logger LOG = LoggerFactory.getLogger(Credentials.class);

    private final Map<String, byte[]> digests = new LinkedHashMap<>();

    public Credentials(HubProperties props, Systems systems) {
        List<String> problems = problems(props, systems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        Map<String, String> configured = configured(props, systems);
        this.coordinators = coordinators(props);
        List<String> development = new java.util.ArrayList<>();
        for (String principal : configured.keySet()) {
            String token = configured.get(principal);
            if (token == null || token.isBlank()) {
                if (!props.security().developmentDefaults()) {
                    continue;
                }
                token =
                        principal.startsWith(COORDINATOR_PREFIX)
                                ? DEVELOPMENT_COORDINATOR_TOKEN
                                : developmentToken(principal);
                development.add(principal);
            }
            digests.put(principal, sha256(token));
        }
        if (!development.isEmpty()) {
            LOG.warn(
                    "No token configured for {}: using the documented development tokens"
                            + " (dev-token-<name>). Never expose this hub.",
                    String.join(", ", development));
        }
    }

    /** What is wrong with the tokens, for these settings; empty when nothing. */
    public static List<String> problems(HubProperties props, Systems systems) {
        Map<String, String> configured = configured(props, systems);
        Set<String> required = new java.util.HashSet<>(Set.of(ADMIN));
        systems.inbound(ConnectorDescriptor.Inbound.HTTP_INGRESS)
                .forEach(s -> required.add(s.id()));
        props.coordinators().keySet().forEach(id -> required.add(COORDINATOR_PREFIX + id));
        boolean development = props.security().developmentDefaults();
        List<String> problems = new java.util.ArrayList<>();
        List<byte[]> seen = new java.util.ArrayList<>();
        boolean shared = false;
        for (String principal : configured.keySet()) {
            String token = configured.get(principal);
            String variable =
                    principal.startsWith(COORDINATOR_PREFIX)
                            ? "HUB_COORDINATORS_"
                                    + principal
                                            .substring(COORDINATOR_PREFIX.length())
                                            .toUpperCase(java.util.Locale.ROOT)
                                    + "_TOKEN"
                            : "HUB_TOKEN_" + principal.toUpperCase(java.util.Locale.ROOT);
            if (token == null || token.isBlank()) {
                if (!development && required.contains(principal)) {
                    problems.add(
                            variable
                                    + " must be set (at least "
                                    + MIN_TOKEN_LENGTH
                                    + " characters): "
                                    + HubProperties.Security.WHY_REQUIRED);
                }
                continue;
            }
            if (!development && token.length() < MIN_TOKEN_LENGTH) {
                problems.add(variable + " must be at least " + MIN_TOKEN_LENGTH + " characters");
            }
            byte[] digest = sha256(token);
            shared |= seen.stream().anyMatch(d -> MessageDigest.isEqual(d, digest));
            seen.add(digest);
        }
        if (shared) {
            problems.add("two principals share one token: give each its own");
        }
        for (Map.Entry<String, HubProperties.Coordinator> c : props.coordinators().entrySet()) {
            String variable = "HUB_COORDINATORS_" + c.getKey().toUpperCase(java.util.Locale.ROOT);
            if (!COORDINATOR_ID.matcher(c.getKey()).matches()) {
                problems.add(
                        "a coordinator's id is 1-32 lower-case letters or digits: "
                                + variable
                                + "_* names another");
            } else if (systems.find(c.getValue().system()).isEmpty()) {
                problems.add(variable + "_SYSTEM must name a system the hub runs");
            }
        }
        return problems;
    }

    /** The token of an {@code Authorization: Bearer <token>} header; empty for none or another. */
    public static Optional<String> bearerToken(String authorization) {
        String prefix = "Bearer ";
        return authorization != null
                        && authorization.regionMatches(true, 0, prefix, 0, prefix.length())
                ? Optional.of(authorization.substring(prefix.length()).strip())
                : Optional.empty();
    }

    /** The principal a token belongs to; every digest is compared, whatever matches first. */
    public Optional<String> principalOf(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        String found = null;
        for (Map.Entry<String, byte[]> e : digests.entrySet()) {
            if (MessageDigest.isEqual(e.getValue(), presented)) {
                found = e.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    public static String developmentToken(String principal) {
        return "dev-token-" + principal;
    }

    /**
     * A coordinator's credential by its principal ({@code coordinator:<id>}): the municipalities it
     * serves and its system.
     */
    public Optional<HubProperties.Coordinator> coordinator(String principal) {
        if (principal == null || !principal.startsWith(COORDINATOR_PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                coordinators.get(principal.substring(COORDINATOR_PREFIX.length())));
    }

    /** The coordinators: those configured, else with the development values the {@code dev} one. */
    private static Map<String, HubProperties.Coordinator> coordinators(HubProperties props) {
        if (props.coordinators().isEmpty() && props.security().developmentDefaults()) {
            // every municipality; its token is the development token, given where tokens are read
            return Map.of(
                    "dev",
                    new HubProperties.Coordinator(
                            null, "*", props.security().developmentCoordinatorSystem()));
        }
        return props.coordinators();
    }

    /**
     * Every principal with its configured token (null or blank when none): systems, the roles, then
     * the coordinators.
     */
    private static Map<String, String> configured(HubProperties props, Systems systems) {
        Map<String, String> tokens = new LinkedHashMap<>();
        systems.enabled().forEach(s -> tokens.put(s.id(), s.settings().token()));
        tokens.put(ADMIN, props.security().tokens().get(ADMIN));
        tokens.put(LEADER, props.security().tokens().get(LEADER));
        tokens.put(METRICS, props.security().tokens().get(METRICS));
        coordinators(props).forEach((id, c) -> tokens.put(COORDINATOR_PREFIX + id, c.token()));
        return tokens;
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
