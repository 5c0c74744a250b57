package dk.youthhub.connector;

import java.util.Optional;

/** A connector: a descriptor and pure mappers. Registered explicitly in the hub's registry. */
public interface Connector {

    ConnectorDescriptor descriptor();

    /** Native to canonical, where the system sends documents in a form a mapper reads. */
    Optional<InboundMapper> inboundMapper();

    /** Canonical to the system's style, for deliveries to it. */
    OutboundRenderer renderer();

    /** The record its {@code hub.connectors.<id>.*} settings bind to. */
    Class<? extends ConnectorProperties> propertiesType();
}
