package dk.youthhub.connector.dhuv;

import dk.youthhub.canonical.DocumentType;
import dk.youthhub.canonical.SourceSystem;
import dk.youthhub.connector.AbstractConnector;
import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.connector.ConnectorDescriptor.Inbound;
import dk.youthhub.connector.kit.DanishJsonDelivery;
import java.time.Period;
import java.util.Map;

/**
 * The DHUV-like adult social system: native snake_case JSON events on Kafka ({@code dhuv.md});
 * deliveries in the hub's Danish snake_case JSON shape with DHUV's own theme codes. As the adult
 * administration it receives documents from 17½ (the contract's default routing).
 */
public final class DhuvConnector extends AbstractConnector {
    static final ConnectorDescriptor DESCRIPTOR =
            ConnectorDescriptor.builder("dhuv", "DHUV-like adult social case system")
                    .sends(
                            Inbound.KAFKA,
                            DocumentType.HANDLEPLAN,
                            DocumentType.ASSESSMENT,
                            DocumentType.CONSENT)
                    .receivesEveryDocumentType()
                    .sendsReceipts()
                    .receivesFromAge(Period.of(17, 6, 0))
                    .build();
    static final SourceSystem SYSTEM = DESCRIPTOR.system();

    public DhuvConnector() {
        super(
                DESCRIPTOR,
                new DhuvMapper(),
                new DanishJsonDelivery(DhuvMapper.THEME_CODES, Map.of()));
    }
}
