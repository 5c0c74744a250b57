package dk.youthhub.hub.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In demo mode without {@code HUB_JOBCENTER_BASE_URL}, job-centre deliveries go to the hub's own
 * fake job centre ({@code /demo/jobcenter}).
 */
public class DemoEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        if (!env.getProperty("hub.demo.enabled", Boolean.class, false)
                || !env.getProperty("hub.jobcenter.base-url", "").isBlank()) {
            return;
        }
        String port = env.getProperty("server.port", "8080");
        env.getPropertySources()
                .addFirst(
                        new MapPropertySource(
                                "hub-demo",
                                Map.of(
                                        "hub.jobcenter.base-url",
                                        "http://127.0.0.1:" + port + "/demo/jobcenter")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
