package dk.youthhub.connector;

/**
 * A connector's settings, bound from {@code hub.connectors.<id>.*}. Implementations are records
 * named {@code <System>ConnectorProperties}; every component is documented in the descriptor.
 */
public interface ConnectorProperties {

    /** Whether the hub runs this connector; on unless set to false. */
    boolean isEnabled();
}
