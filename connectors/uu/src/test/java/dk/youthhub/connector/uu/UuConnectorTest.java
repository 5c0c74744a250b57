package dk.youthhub.connector.uu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.testkit.ConnectorContractTest;
import org.junit.jupiter.api.Test;

class UuConnectorTest extends ConnectorContractTest {

    @Override
    protected Connector connector() {
        return new UuConnector();
    }

    @Test
    void educationStatusIsDeliveredInUusOwnCodes() throws Exception {
        JsonNode delivery =
                CanonicalJson.mapper()
                        .readTree(connector().renderer().render(sample("education-status")));
        assertThat(delivery.at("/uddannelsesstatus/status").asText()).isEqualTo("I_UDDANNELSE");
        assertThat(delivery.at("/uddannelsesstatus/status_kode").asText())
                .isEqualTo("IN_EDUCATION");
        assertThat(delivery.at("/uddannelsesstatus/institution").asText())
                .isEqualTo("EUC Syd; Fredericia");
    }

    @Test
    void everyStatusHasAUuCode() {
        assertThat(UuConnector.STATUS_CODES)
                .hasSize(dk.youthhub.canonical.EducationStatus.Status.values().length);
    }
}
