package dk.youthhub.hub.support;

import dk.youthhub.hub.boot.OfflineSettings;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.core.AuditSigning;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.AuditKeyring;
import dk.youthhub.hub.privacy.Pseudonymizer;
import java.util.HashMap;
import java.util.Map;

/** The hub's settings as the application binds them, without Spring: application.yml plus env. */
public final class TestProps {

    private TestProps() {}

    /** The shipped configuration with these environment variables or properties on top. */
    public static HubProperties bind(Map<String, Object> env) {
        return OfflineSettings.bind(env, false);
    }

    /**
     * @param embedded the embedded default (no bootstrap servers) or an external cluster
     * @param secret the pseudonym secret, null for none
     */
    public static HubProperties hub(String bootstrapServers, boolean embedded, String secret) {
        Map<String, Object> env = new HashMap<>();
        if (!embedded) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        }
        if (secret != null) {
            env.put("HUB_PSEUDONYM_SECRET", secret);
        }
        return bind(env);
    }

    /** The systems of the connectors on the class path, with these settings. */
    public static Systems systems(HubProperties props) {
        return new Systems(new ConnectorRegistry(), props);
    }

    /** The topic names for these settings. */
    public static Topics topics(HubProperties props) {
        return new Topics(props, systems(props));
    }

    /** How the core signs audit records with these settings. */
    public static AuditSigning signing(HubProperties props) {
        return new AuditSigning(
                AuditKeyring.keys(props),
                Pseudonymizer.problems(props).isEmpty()
                        ? new Pseudonymizer(props).fingerprint()
                        : "no-pseudonym-key");
    }
}
