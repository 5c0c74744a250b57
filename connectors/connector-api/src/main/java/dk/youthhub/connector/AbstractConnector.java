package dk.youthhub.connector;

/** The plumbing every connector shares: it holds its descriptor, mapper and settings type. */
public abstract class AbstractConnector implements Connector {
    private final ConnectorDescriptor descriptor;
    private final InboundMapper inboundMapper;
    private final Class<? extends ConnectorProperties> propertiesType;

    protected AbstractConnector(
            ConnectorDescriptor descriptor,
            InboundMapper inboundMapper,
            Class<? extends ConnectorProperties> propertiesType) {
        this.descriptor = descriptor;
        this.inboundMapper = inboundMapper;
        this.propertiesType = propertiesType;
    }

    @Override
    public final ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final InboundMapper inboundMapper() {
        return inboundMapper;
    }

    @Override
    public final Class<? extends ConnectorProperties> propertiesType() {
        return propertiesType;
    }
}
