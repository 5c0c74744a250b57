package dk.youthhub.hub.privacy;

import dk.youthhub.hub.config.HubProperties;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The young person's key everywhere: HMAC-SHA256 of the normalised CPR number under {@code
 * HUB_PSEUDONYM_SECRET}, in lowercase hex. Without the secret the CPR number cannot be recovered or
 * confirmed from a pseudonym.
 */
@Component
public class Pseudonymizer {
    static final String DEVELOPMENT_SECRET = "development-only-pseudonym-secret-do-not-use";
    static final int MIN_SECRET_LENGTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(Pseudonymizer.class);

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> mac;

    @Autowired
    public Pseudonymizer(HubProperties props) {
        this(secretOf(props));
    }

    private Pseudonymizer(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    /** The pseudonyms under another secret (the new one, when the key is rotated). */
    public static Pseudonymizer withSecret(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "a pseudonym secret must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        return new Pseudonymizer(secret);
    }

    private static String secretOf(HubProperties props) {
        List<String> problems = problems(props);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        String secret = props.pseudonymSecret();
        if (secret == null || secret.isBlank()) {
            LOG.warn(
                    "HUB_PSEUDONYM_SECRET is not set: using the documented DEVELOPMENT secret. "
                            + "Never run real data this way.");
            return DEVELOPMENT_SECRET;
        }
        return secret;
    }

    /** What is wrong with the pseudonym secret, for these settings; empty when nothing. */
    public static List<String> problems(HubProperties props) {
        String secret = props.pseudonymSecret();
        if (secret == null || secret.isBlank()) {
            return props.security().developmentDefaults()
                    ? List.of()
                    : List.of(
                            "HUB_PSEUDONYM_SECRET must be set (at least "
                                    + MIN_SECRET_LENGTH
                                    + " characters): "
                                    + HubProperties.Security.WHY_REQUIRED);
        }
        return secret.length() < MIN_SECRET_LENGTH
                ? List.of(
                        "HUB_PSEUDONYM_SECRET must be at least "
                                + MIN_SECRET_LENGTH
                                + " characters")
                : List.of();
    }

    /** The pseudonym of a normalised (10-digit) CPR number. */
    public String pseudonym(String normalisedCpr) {
        if (normalisedCpr == null || !normalisedCpr.matches("[0-9]{10}")) {
            throw new IllegalArgumentException("not a normalised CPR number");
        }
        return HexFormat.of()
                .formatHex(mac.get().doFinal(normalisedCpr.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * A fingerprint of the secret, to tell whether two hubs use the same one without showing it:
     * the keyed hash of a fixed label, shortened.
     */
    public String fingerprint() {
        return HexFormat.of()
                .formatHex(
                        mac.get()
                                .doFinal(
                                        "youthhub:pseudonym-key-fingerprint"
                                                .getBytes(StandardCharsets.US_ASCII)))
                .substring(0, 16);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
