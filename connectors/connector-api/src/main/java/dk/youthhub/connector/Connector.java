package dk.youthhub.connector;

import java.util.Optional;

/**
 * A connector: a descriptor and pure mappers, found by the hub with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dk.youthhub.connector.Connector} in the connector's module).
 */
public interface Connector {

    ConnectorDescriptor descriptor();

    /** Native to canonical, where the system sends documents. */
    Optional<InboundMapper> inboundMapper();

    /** Canonical to the system's style, for deliveries to it. */
    OutboundRenderer renderer();

    /** How its drop files are read, for a system whose inbound is a file drop. */
    Optional<FileDropFormat> fileDrop();
}
