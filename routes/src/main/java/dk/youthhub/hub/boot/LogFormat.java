package dk.youthhub.hub.boot;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code HUB_LOG_FORMAT=json}: one JSON object per log line on the console (Elastic Common Schema,
 * Spring Boot's structured logging), for log shippers; unset or {@code text}, the usual lines. Any
 * other value refuses to start, naming the variable.
 */
public class LogFormat implements EnvironmentPostProcessor, Ordered {
    static final String VARIABLE = "HUB_LOG_FORMAT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        String format = env.getProperty(VARIABLE, "text").strip();
        switch (format) {
            case "text", "" -> {}
            case "json" ->
                    env.getPropertySources()
                            .addFirst(
                                    new MapPropertySource(
                                            "hub-log-format",
                                            Map.of("logging.structured.format.console", "ecs")));
            default ->
                    throw new IllegalArgumentException(
                            VARIABLE + " must be json or text, not the value given");
        }
    }

    @Override
    public int getOrder() {
        // before the logging system is initialised from the environment
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
