package dk.youthhub.connector.dubu;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.AbstractConnector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.ConnectorDescriptor.Inbound;

/** The DUBU-like children-and-youth system: native XML events on Kafka ({@code dubu.md}). */
public final class DubuConnector extends AbstractConnector {
    static final ConnectorDescriptor DESCRIPTOR =
            ConnectorDescriptor.builder("dubu", "DUBU-like children-and-youth case system")
                    .mediaType("application/xml")
                    .sends(
                            Inbound.KAFKA,
                            DocumentType.HANDLEPLAN,
                            DocumentType.ASSESSMENT,
                            DocumentType.CONSENT)
                    .receivesEveryDocumentType()
                    .sendsReceipts()
                    .build();
    static final SourceSystem SYSTEM = DESCRIPTOR.system();

    public DubuConnector() {
        super(DESCRIPTOR, new DubuMapper(), new DubuRenderer());
    }
}
