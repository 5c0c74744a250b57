package dk.youthhub.connector.dubu;

import dk.youthhub.connector.ConnectorProperties;

/**
 * Settings under {@code hub.connectors.dubu.*}.
 *
 * @param enabled whether the hub consumes the DUBU-like system's events (default true)
 */
public record DubuConnectorProperties(Boolean enabled) implements ConnectorProperties {

    @Override
    public boolean isEnabled() {
        return enabled == null || enabled;
    }
}
