package dk.youthhub.hub.connectors;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.hub.config.HubProperties;
import dk.youthhub.hub.core.Minimisation;
import dk.youthhub.hub.core.RoutingPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The systems the hub runs: each connector found with its settings ({@code hub.systems.<id>}), and
 * what follows from both: routing and minimisation defaults from the descriptors, overridden by
 * configuration.
 */
@Component
public class Systems {
    private final ConnectorRegistry registry;
    private final Map<String, HubProperties.SystemSettings> settings;
    private final HubProperties props;

    public Systems(ConnectorRegistry registry, HubProperties props) {
        this.registry = registry;
        this.props = props;
        this.settings = props.systems();
    }

    /** One system: its connector and settings. */
    public record HubSystem(Connector connector, HubProperties.SystemSettings settings) {
        public ConnectorDescriptor descriptor() {
            return connector.descriptor();
        }

        public SourceSystem system() {
            return connector.descriptor().system();
        }

        public String id() {
            return connector.descriptor().id();
        }
    }

    public ConnectorRegistry registry() {
        return registry;
    }

    /** Every system the hub runs, by id. */
    public List<HubSystem> enabled() {
        return registry.all().stream()
                .map(c -> new HubSystem(c, settingsOf(c.descriptor().id())))
                .filter(s -> s.settings().enabled())
                .toList();
    }

    public Optional<HubSystem> find(String id) {
        return enabled().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The enabled systems whose inbound is this transport. */
    public List<HubSystem> inbound(ConnectorDescriptor.Inbound transport) {
        return enabled().stream().filter(s -> s.descriptor().inbound() == transport).toList();
    }

    /** Every system id a consent may name: every system with a connector. */
    public Set<String> ids() {
        return registry.ids();
    }

    public HubProperties.SystemSettings settingsOf(String id) {
        HubProperties.SystemSettings s = settings.get(id);
        if (s == null) {
            throw new IllegalStateException("no settings for system " + id);
        }
        return s;
    }

    /**
     * Who receives what: each enabled system its descriptor's types from every other system, from
     * its descriptor's age, unless {@code hub.systems.<id>.routing} says otherwise.
     */
    public RoutingPolicy routingPolicy() {
        Map<SourceSystem, RoutingPolicy.Target> targets = new TreeMap<>();
        Set<SourceSystem> all =
                enabled().stream().map(HubSystem::system).collect(Collectors.toSet());
        for (HubSystem s : enabled()) {
            HubProperties.RoutingTarget r = s.settings().routing();
            Set<DocumentType> types = r.types() != null ? r.types() : s.descriptor().receives();
            Set<SourceSystem> sources =
                    r.sources() != null
                            ? r.sources().stream().map(SourceSystem::of).collect(Collectors.toSet())
                            : all;
            targets.put(
                    s.system(),
                    new RoutingPolicy.Target(
                            types,
                            sources,
                            r.fromAge() != null ? r.fromAge() : s.descriptor().receivesFromAge()));
        }
        HubProperties.Scope scope = props.core().scope();
        return new RoutingPolicy(scope.fromAge(), scope.untilAge(), targets);
    }

    /** What each recipient may see: the descriptor's withheld themes unless configured. */
    public Minimisation minimisation() {
        Map<SourceSystem, Minimisation.Rule> rules = new LinkedHashMap<>();
        for (HubSystem s : enabled()) {
            ConnectorDescriptor d = s.descriptor();
            rules.put(
                    s.system(),
                    new Minimisation.Rule(
                            s.settings().withheldThemes() != null
                                    ? s.settings().withheldThemes()
                                    : d.withheldThemes(),
                            d.withholdsChildAssessmentConclusion()));
        }
        return new Minimisation(rules);
    }
}
