package dk.youthhub.hub.privacy;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.core.AuditKeys;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit chain's keys from {@code HUB_AUDIT_KEY} and {@code HUB_AUDIT_PREVIOUS_KEYS}. With the
 * development values allowed ({@code hub.security.development-defaults}) a missing key is the
 * documented development key, with a warning; otherwise the hub refuses to start without one, or
 * with the pseudonym secret as its audit key.
 */
@Configuration(proxyBeanMethods = false)
public class AuditKeyring {
    static final String DEVELOPMENT_KEY = "development-only-audit-key-do-not-use-0000";
    static final int MIN_KEY_LENGTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(AuditKeyring.class);

    @Bean
    AuditKeys auditKeys(HubProperties props) {
        List<String> problems = problems(props);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        return keys(props);
    }

    /** The keys for these settings, without warnings (tests, tools). */
    public static AuditKeys keys(HubProperties props) {
        String key = props.audit().key();
        if (key == null || key.isBlank()) {
            LOG.warn(
                    "HUB_AUDIT_KEY is not set: the audit chain uses the documented DEVELOPMENT key."
                            + " Never run real data this way.");
            key = DEVELOPMENT_KEY;
        }
        return new AuditKeys(key, new ArrayList<>(props.audit().previousKeys()));
    }

    /** What is wrong with the audit key, for these settings; empty when nothing. */
    public static List<String> problems(HubProperties props) {
        String key = props.audit().key();
        if (key == null || key.isBlank()) {
            return props.security().developmentDefaults()
                    ? List.of()
                    : List.of(
                            "HUB_AUDIT_KEY must be set (at least "
                                    + MIN_KEY_LENGTH
                                    + " characters, not the pseudonym secret): "
                                    + HubProperties.Security.WHY_REQUIRED);
        }
        List<String> problems = new ArrayList<>();
        if (key.length() < MIN_KEY_LENGTH) {
            problems.add("HUB_AUDIT_KEY must be at least " + MIN_KEY_LENGTH + " characters");
        }
        if (key.equals(props.pseudonymSecret())) {
            problems.add("HUB_AUDIT_KEY must not be the pseudonym secret: give it its own");
        }
        return problems;
    }
}
