package dk.youthhub.hub.boot;

import dk.youthhub.connector.Connector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every connector the hub finds an entry under {@code hub.systems.<id>}, at the lowest
 * precedence, so its settings bind with their defaults and take the environment variables the
 * contract names for any system: {@code HUB_TOKEN_<ID>}, and by its transports {@code
 * HUB_<ID>_BASE_URL} and {@code HUB_<ID>_DELIVERY_TOKEN} (HTTP delivery), {@code HUB_<ID>_INBOX}
 * (file drop, default {@code <data-dir>/<id>-inbox}); {@code hub.<id>.max-outage} is the contract's
 * name for {@code hub.systems.<id>.http-delivery.max-outage}.
 */
public class SystemEnvironment implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE = "hub-systems";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        env.getPropertySources()
                .addLast(new MapPropertySource(SOURCE, defaults(new ConnectorRegistry())));
    }

    static Map<String, Object> defaults(ConnectorRegistry registry) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (Connector connector : registry.all()) {
            ConnectorDescriptor d = connector.descriptor();
            String prefix = "hub.systems." + d.id() + ".";
            String env = d.id().toUpperCase(Locale.ROOT);
            defaults.put(prefix + "enabled", "true");
            defaults.put(prefix + "token", "${HUB_TOKEN_" + env + ":}");
            if (d.deliversOverHttp()) {
                defaults.put(prefix + "http-delivery.base-url", "${HUB_" + env + "_BASE_URL:}");
                defaults.put(prefix + "http-delivery.token", "${HUB_" + env + "_DELIVERY_TOKEN:}");
                // the contract's name for the bound, hub.<id>.max-outage, still works
                defaults.put(
                        prefix + "http-delivery.max-outage", "${hub." + d.id() + ".max-outage:3d}");
            }
            if (d.inbound() == ConnectorDescriptor.Inbound.FILE_DROP) {
                defaults.put(
                        prefix + "file-drop.inbox",
                        "${HUB_" + env + "_INBOX:${hub.data-dir}/" + d.id() + "-inbox}");
            }
        }
        return defaults;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 20;
    }
}
