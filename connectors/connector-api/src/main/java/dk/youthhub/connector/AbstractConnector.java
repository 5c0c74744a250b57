package dk.youthhub.connector;

import java.util.Optional;

/** The plumbing every connector shares: it holds its descriptor, mappers and file format. */
public abstract class AbstractConnector implements Connector {
    private final ConnectorDescriptor descriptor;
    private final InboundMapper inboundMapper;
    private final OutboundRenderer renderer;
    private final FileDropFormat fileDrop;

    /**
     * @param inboundMapper null for a system the hub only delivers to
     * @param fileDrop null unless the system's inbound is a file drop
     */
    protected AbstractConnector(
            ConnectorDescriptor descriptor,
            InboundMapper inboundMapper,
            OutboundRenderer renderer,
            FileDropFormat fileDrop) {
        this.descriptor = descriptor;
        this.inboundMapper = inboundMapper;
        this.renderer = renderer;
        this.fileDrop = fileDrop;
        if ((inboundMapper == null) != (descriptor.inbound() == ConnectorDescriptor.Inbound.NONE)) {
            throw new IllegalArgumentException(
                    descriptor.id() + ": an inbound mapper exactly when it sends documents");
        }
        if ((fileDrop == null) == (descriptor.inbound() == ConnectorDescriptor.Inbound.FILE_DROP)) {
            throw new IllegalArgumentException(
                    descriptor.id() + ": a file format exactly when its inbound is a file drop");
        }
    }

    protected AbstractConnector(
            ConnectorDescriptor descriptor,
            InboundMapper inboundMapper,
            OutboundRenderer renderer) {
        this(descriptor, inboundMapper, renderer, null);
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
    public final Optional<FileDropFormat> fileDrop() {
        return Optional.ofNullable(fileDrop);
    }
}
