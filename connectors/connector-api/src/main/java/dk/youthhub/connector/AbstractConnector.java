package dk.youthhub.connector;

import java.util.Optional;

/** The plumbing every connector shares: it holds its descriptor, mappers and settings type. */
public abstract class AbstractConnector implements Connector {
    private final ConnectorDescriptor descriptor;
    private final InboundMapper inboundMapper;
    private final OutboundRenderer renderer;
    private final Class<? extends ConnectorProperties> propertiesType;

    /**
     * @param inboundMapper null for a system the hub only delivers to (or reads otherwise)
     */
    protected AbstractConnector(
            ConnectorDescriptor descriptor,
            InboundMapper inboundMapper,
            OutboundRenderer renderer,
            Class<? extends ConnectorProperties> propertiesType) {
        this.descriptor = descriptor;
        this.inboundMapper = inboundMapper;
        this.renderer = renderer;
        this.propertiesType = propertiesType;
    }

    @Override
    public final ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Optional<InboundMapper> inboundMapper() {
        return Optional.ofNullable(inboundMapper);
    }

    @Override
    public final OutboundRenderer renderer() {
        return renderer;
    }

    @Override
    public final Class<? extends ConnectorProperties> propertiesType() {
        return propertiesType;
    }
}
