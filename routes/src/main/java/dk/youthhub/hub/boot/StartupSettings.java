package dk.youthhub.hub.boot;

import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.hub.connectors.Systems;
import dk.youthhub.hub.delivery.HttpDeliveries;
import dk.youthhub.hub.privacy.AuditKeyring;
import dk.youthhub.hub.privacy.Pseudonymizer;
import dk.youthhub.hub.security.Credentials;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the settings an operator must give outside the embedded default (secret, tokens, the
 * delivery tokens of HTTP recipients) before anything starts, and reports every missing or invalid
 * one at once, in a few lines, without a stack trace. The {@code hub.*} constraints of {@link
 * HubProperties} are reported the same way, all at once, by Spring Boot's binding.
 */
public class StartupSettings implements EnvironmentPostProcessor, Ordered {

    /** Settings the hub cannot start with. */
    public static final class Invalid extends RuntimeException {
        private final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems), null, false, false);
            this.problems = List.copyOf(problems);
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        HubProperties props = Binder.get(env).bind("hub", HubProperties.class).orElse(null);
        if (props == null) {
            return; // nothing bound yet: Spring Boot's binding reports what is missing
        }
        List<String> problems = problems(props);
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
    }

    /** Every problem with the operator's settings; empty when the hub can start. */
    public static List<String> problems(HubProperties props) {
        List<String> problems = new ArrayList<>();
        HubProperties.Embedded broker = props.kafka().embedded();
        if (broker.enabled()
                && !DevelopmentMode.loopback(broker.host())
                && !props.security().developmentDefaults()) {
            problems.add(
                    "HUB_KAFKA_EMBEDDED_HOST must be a loopback address: the embedded broker has no"
                            + " authentication (set KAFKA_BOOTSTRAP_SERVERS to use a secured"
                            + " Kafka)");
        }
        problems.addAll(Pseudonymizer.problems(props));
        problems.addAll(AuditKeyring.problems(props));
        Systems systems = new Systems(new ConnectorRegistry(), props);
        problems.addAll(Credentials.problems(props, systems));
        problems.addAll(HttpDeliveries.problems(props, systems));
        return problems;
    }

    @Override
    public int getOrder() {
        // after KafkaModeEnvironment has decided whether the embedded broker runs
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Lists every problem, one a line. */
    public static final class Analyzer extends AbstractFailureAnalyzer<Invalid> {
        @Override
        protected FailureAnalysis analyze(Throwable root, Invalid cause) {
            return new FailureAnalysis(
                    "The hub cannot start with these settings:\n  - "
                            + String.join("\n  - ", cause.problems),
                    "Set them in the environment (see the README's Configuration) and start again.",
                    cause);
        }
    }
}
