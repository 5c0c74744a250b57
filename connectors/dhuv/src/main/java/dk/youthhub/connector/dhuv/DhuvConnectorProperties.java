package dk.youthhub.connector.dhuv;

import dk.youthhub.connector.ConnectorProperties;

/**
 * Settings under {@code hub.connectors.dhuv.*}.
 *
 * @param enabled whether the hub consumes the DHUV-like system's events (default true)
 */
public record DhuvConnectorProperties(Boolean enabled) implements ConnectorProperties {

    @Override
    public boolean isEnabled() {
        return enabled == null || enabled;
    }
}
