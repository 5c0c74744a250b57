package dk.youthhub.hub.boot;

import dk.youthhub.connector.Connector;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In demo mode, each system the hub POSTs deliveries to and that has no base URL gets the hub's own
 * fake recipient ({@code /demo/<id>}, {@code FakeRecipients}).
 */
public class DemoEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        if (!env.getProperty("hub.demo.enabled", Boolean.class, false)) {
            return;
        }
        String port = env.getProperty("server.port", "8080");
        Map<String, Object> fakes = new LinkedHashMap<>();
        for (Connector c : new ConnectorRegistry().all()) {
            String property = "hub.systems." + c.descriptor().id() + ".http-delivery.base-url";
            if (c.descriptor().deliversOverHttp() && env.getProperty(property, "").isBlank()) {
                fakes.put(property, "http://127.0.0.1:" + port + "/demo/" + c.descriptor().id());
            }
        }
        if (!fakes.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("hub-demo", fakes));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
