package dk.youthhub.hub.support;

import dk.youthhub.hub.boot.DevelopmentMode;
import dk.youthhub.hub.boot.KafkaModeEnvironment;
import dk.youthhub.hub.boot.SystemEnvironment;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.core.AuditSigning;
import dk.youthhub.hub.kafka.Topics;
import dk.youthhub.hub.privacy.AuditKeyring;
import dk.youthhub.hub.privacy.Pseudonymizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The hub's settings as the application binds them, without Spring: application.yml plus env. */
public final class TestProps {

    private TestProps() {}

    /** The shipped configuration with these environment variables or properties on top. */
    public static HubProperties bind(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment
                .getPropertySources()
                .remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test-env", env));
        RandomValuePropertySource.addToEnvironment(environment);
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader()
                            .load("application.yml", new ClassPathResource("application.yml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new SystemEnvironment().postProcessEnvironment(environment, new SpringApplication());
        new KafkaModeEnvironment().postProcessEnvironment(environment, new SpringApplication());
        new DevelopmentMode(java.util.function.Supplier::get)
                .postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bind("hub", HubProperties.class).get();
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
