package dk.youthhub.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.Consent;
import dk.youthhub.canonical.DocumentType;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Cpr;
import dk.youthhub.connector.MappingException;
import dk.youthhub.hub.connectors.ConnectorRegistry;
import dk.youthhub.schemas.CanonicalSchemas;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's generated events are what the contracts allow, through the real connectors. */
class DemoDataTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final ConnectorRegistry registry = new ConnectorRegistry();

    @Test
    void everyGoodEventMapsToASchemaValidDocumentAndEveryBadOneIsRefused() throws Exception {
        List<DemoData.Event> events = new DemoData(7, TODAY).events(40);
        List<CanonicalDocument> docs = new ArrayList<>();
        for (DemoData.Event e : events) {
            var mapper = registry.of(e.system()).inboundMapper().orElseThrow();
            if (e.bad()) {
                assertThatThrownBy(() -> mapper.toCanonical(e.payload(), Instant.now()))
                        .isInstanceOf(MappingException.class);
            } else {
                CanonicalDocument doc = mapper.toCanonical(e.payload(), Instant.now());
                assertThat(
                                CanonicalSchemas.validate(
                                        doc.documentType().id(),
                                        CanonicalJson.mapper().valueToTree(doc)))
                        .isEmpty();
                docs.add(doc);
            }
        }
        assertThat(events).filteredOn(DemoData.Event::bad).isNotEmpty();
        assertThat(docs)
                .extracting(CanonicalDocument::documentType)
                .contains(
                        DocumentType.HANDLEPLAN,
                        DocumentType.JOBPLAN,
                        DocumentType.ASSESSMENT,
                        DocumentType.CONSENT);
        assertThat(docs)
                .filteredOn(
                        d -> d.consent() != null && d.consent().givenBy() == Consent.GivenBy.PARENT)
                .isNotEmpty();
    }

    @Test
    void youngPeopleAreFifteenToTwentyThree() throws Exception {
        for (DemoData.Event e : new DemoData(11, TODAY).events(60)) {
            if (e.bad()) {
                continue;
            }
            CanonicalDocument doc =
                    registry.of(e.system())
                            .inboundMapper()
                            .orElseThrow()
                            .toCanonical(e.payload(), Instant.now());
            int age =
                    Period.between(
                                    Cpr.parse(doc.youngPerson().cpr()).orElseThrow().birthDate(),
                                    TODAY)
                            .getYears();
            assertThat(age).isBetween(15, 22);
        }
    }

    @Test
    void theSameSeedAndDayGiveTheSameEvents() {
        List<DemoData.Event> a = new DemoData(3, TODAY).events(10);
        List<DemoData.Event> b = new DemoData(3, TODAY).events(10);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(Arrays.equals(a.get(i).payload(), b.get(i).payload())).isTrue();
        }
        assertThat(new DemoData(4, TODAY).events(10).get(0).payload())
                .isNotEqualTo(a.get(0).payload());
    }
}
