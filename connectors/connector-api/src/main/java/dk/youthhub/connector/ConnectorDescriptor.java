package dk.youthhub.connector;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a connector is, for registration, documentation and checks.
 *
 * @param system the system the connector speaks for; its id names topics, stages and config
 * @param nativeMediaType the media type of the system's native documents
 * @param produces the canonical types its inbound mapper writes (empty without one)
 * @param receives the canonical types it renders as deliveries
 * @param properties every configuration property under {@code hub.connectors.<id>.*}, documented
 */
public record ConnectorDescriptor(
        SourceSystem system,
        String displayName,
        String nativeMediaType,
        Set<DocumentType> produces,
        Set<DocumentType> receives,
        List<ConfigProperty> properties) {

    public ConnectorDescriptor {
        Objects.requireNonNull(system);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(nativeMediaType);
        produces = Set.copyOf(produces);
        receives = Set.copyOf(receives);
        properties = List.copyOf(properties);
    }

    public String id() {
        return system.id();
    }

    /** Every canonical type: what a system can be sent (routing and consent decide what it is). */
    public static final Set<DocumentType> ALL_TYPES = Set.of(DocumentType.values());

    /**
     * A configuration property: its name below {@code hub.connectors.<id>.}, description, default.
     */
    public record ConfigProperty(String name, String description, String defaultValue) {}
}
