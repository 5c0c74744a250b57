package dk.youthhub.hub.boot;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides whether missing secrets and tokens may take their published development values ({@code
 * hub.security.development-defaults}): only when nobody but this machine can reach the hub, that is
 * the embedded broker runs and every listener (HTTP and the broker) is on loopback, or when the
 * operator says so with {@code HUB_DEV_MODE=true}. Anywhere else the hub refuses to start without
 * them ({@link StartupSettings}). Nothing else can set the decision.
 */
public class DevelopmentMode implements EnvironmentPostProcessor, Ordered {
    public static final String DECISION = "hub.security.development-defaults";
    static final String DEV_MODE = "HUB_DEV_MODE";
    private final Log log;

    public DevelopmentMode(DeferredLogFactory logs) {
        this.log = logs.getLog(DevelopmentMode.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        boolean explicit = explicit(env);
        if (explicit && !loopbackOnly(env)) {
            log.warn(
                    "HUB_DEV_MODE=true: missing secrets and tokens take their PUBLISHED development"
                            + " values although the hub is reachable beyond this machine. Anyone"
                            + " who can reach it can read every young person's data. Never run"
                            + " it like this with real data.");
        }
        boolean allowed = explicit || loopbackOnly(env);
        env.getPropertySources()
                .addFirst(
                        new MapPropertySource(
                                "hub-development-mode", Map.of(DECISION, String.valueOf(allowed))));
    }

    /** {@code HUB_DEV_MODE=true}: development values wherever the hub listens, logged loudly. */
    static boolean explicit(ConfigurableEnvironment env) {
        return Boolean.parseBoolean(env.getProperty(DEV_MODE, "false").strip());
    }

    /** The embedded broker, and every listener on a loopback address. */
    static boolean loopbackOnly(ConfigurableEnvironment env) {
        return Boolean.parseBoolean(env.getProperty("hub.kafka.embedded.enabled", "false"))
                && loopback(env.getProperty("server.address"))
                && loopback(env.getProperty("hub.kafka.embedded.host"));
    }

    /** A host that only this machine reaches; unset (every interface) is not. */
    public static boolean loopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(h)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        // after KafkaModeEnvironment has decided whether the embedded broker runs, before
        // StartupSettings checks what is missing
        return Ordered.LOWEST_PRECEDENCE - 5;
    }
}
