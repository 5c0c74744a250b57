package dk.youthhub.connector.jobcenter;

import dk.youthhub.connector.ConnectorProperties;

/**
 * Settings under {@code hub.connectors.jobcenter.*}.
 *
 * @param enabled whether the hub consumes the job centre's events from jobcenter.events.v1 (default
 *     true)
 */
public record JobcenterConnectorProperties(Boolean enabled) implements ConnectorProperties {

    @Override
    public boolean isEnabled() {
        return enabled == null || enabled;
    }
}
