package dk.youthhub.connector.skole;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.connector.AbstractConnector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.ConnectorDescriptor.Inbound;
import dk.youthhub.connector.kit.DanishJsonDelivery;
import java.util.Map;

/**
 * A fifth system that exists only in the build's tests: a municipal school system that writes
 * education status as JSON to {@code skole.events.v1} and reads its deliveries from {@code
 * skole.deliveries.v1}. It is listed in {@code src/test/fifth-system/META-INF/services}, which only
 * {@code FifthSystemIT}'s hub has on its class path: it proves that a new system needs nothing
 * outside its own folder and configuration.
 */
public final class SkoleConnector extends AbstractConnector {
    static final ConnectorDescriptor DESCRIPTOR =
            ConnectorDescriptor.builder("skole", "Municipal school system (test fixture)")
                    .sends(Inbound.KAFKA, DocumentType.EDUCATION_STATUS)
                    .receivesEveryDocumentType()
                    .build();

    public SkoleConnector() {
        super(DESCRIPTOR, new SkoleMapper(), new DanishJsonDelivery(Map.of(), Map.of()));
    }
}
