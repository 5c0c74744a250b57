package dk.youthhub.hub.boot;

import dk.youthhub.hub.config.HubProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The hub's settings bound as the application binds them ({@code application.yml}, the environment,
 * the hub's own post-processing), without starting it: for the offline tools.
 */
public final class OfflineSettings {

    private OfflineSettings() {}

    /**
     * @param overrides settings on top of everything else
     * @param system whether the process's environment variables and system properties count
     */
    public static HubProperties bind(Map<String, Object> overrides, boolean system) {
        StandardEnvironment environment = new StandardEnvironment();
        if (!system) {
            environment
                    .getPropertySources()
                    .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
            environment
                    .getPropertySources()
                    .remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
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
}
