package dk.youthhub.hub.connectors;

import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.Connector;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every connector on the class path, found with {@link ServiceLoader} ({@code
 * META-INF/services/dk.youthhub.connector.Connector}): adding a system is adding its module, with
 * no list here to keep. Ordered by system id.
 */
@Component
public class ConnectorRegistry {
    /** The {@code ce_source} of the documents the hub authors; no connector may take it. */
    public static final String HUB = "hub";

    private final List<Connector> connectors;

    public ConnectorRegistry() {
        this(ConnectorRegistry.class.getClassLoader());
    }

    public ConnectorRegistry(ClassLoader loader) {
        this(ServiceLoader.load(Connector.class, loader).stream().map(p -> p.get()).toList());
    }

    public ConnectorRegistry(List<Connector> connectors) {
        this.connectors =
                connectors.stream()
                        .sorted(Comparator.comparing(c -> c.descriptor().system()))
                        .toList();
        Set<String> ids = new TreeSet<>();
        for (Connector c : this.connectors) {
            String id = c.descriptor().id();
            if (id.equals(HUB) || !ids.add(id)) {
                throw new IllegalStateException(
                        "two connectors, or a connector and the hub itself, claim the system id "
                                + id);
            }
        }
    }

    public List<Connector> all() {
        return connectors;
    }

    /** Every system id, sorted. */
    public Set<String> ids() {
        return connectors.stream()
                .map(c -> c.descriptor().id())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public Optional<Connector> find(String id) {
        return connectors.stream().filter(c -> c.descriptor().id().equals(id)).findFirst();
    }

    /** The connector that speaks for a system. */
    public Connector of(SourceSystem system) {
        return find(system.id())
                .orElseThrow(() -> new IllegalStateException("no connector for " + system));
    }
}
