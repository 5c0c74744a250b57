package dk.youthhub.hub.boot;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the Kafka mode before anything binds: with no {@code hub.kafka.bootstrap-servers} (that
 * is, no {@code KAFKA_BOOTSTRAP_SERVERS}) the embedded broker is switched on and its address
 * becomes the bootstrap servers of every client.
 */
public class KafkaModeEnvironment implements EnvironmentPostProcessor, Ordered {
    static final String BOOTSTRAP = "hub.kafka.bootstrap-servers";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        String configured = env.getProperty(BOOTSTRAP, "");
        if (!configured.isBlank()) {
            return;
        }
        String host = env.getProperty("hub.kafka.embedded.host", "127.0.0.1");
        String port = env.getProperty("hub.kafka.embedded.port", "9092");
        env.getPropertySources()
                .addFirst(
                        new MapPropertySource(
                                "hub-embedded-kafka",
                                Map.of(
                                        BOOTSTRAP,
                                        host + ":" + port,
                                        "hub.kafka.embedded.enabled",
                                        "true")));
    }

    @Override
    public int getOrder() {
        // after application.yml and the environment are loaded, before StartupSettings
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
