package dk.youthhub.connector;

/** A connector: a descriptor and pure mappers. Registered explicitly in the hub's registry. */
public interface Connector {

    ConnectorDescriptor descriptor();

    /** Native to canonical. */
    InboundMapper inboundMapper();

    /** The record its {@code hub.connectors.<id>.*} settings bind to. */
    Class<? extends ConnectorProperties> propertiesType();
}
