package dk.youthhub.connector.uu;

import dk.youthhub.connector.ConnectorProperties;

/**
 * Settings under {@code hub.connectors.uu.*}.
 *
 * @param enabled whether the hub runs the UU-like connector (default true)
 */
public record UuConnectorProperties(Boolean enabled) implements ConnectorProperties {

    @Override
    public boolean isEnabled() {
        return enabled == null || enabled;
    }
}
