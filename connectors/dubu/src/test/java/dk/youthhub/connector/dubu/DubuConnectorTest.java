package dk.youthhub.connector.dubu;

import static org.assertj.core.api.Assertions.assertThat;

import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.canonical.ThemeCode;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.kit.SafeXml;
import dk.youthhub.connector.kit.XmlOut;
import dk.youthhub.connector.testkit.Generators;
import dk.youthhub.connector.testkit.InboundConnectorContractTest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

class DubuConnectorTest extends InboundConnectorContractTest {
    /** Native values the mapper translates into canonical codes (the code itself is not kept). */
    private static final Set<String> TRANSLATED =
            Set.of("Givet", "Tilbagekaldt", "Barn", "Forælder", "alle");

    @Override
    protected Connector connector() {
        return new DubuConnector();
    }

    @Test
    void deliveriesAreWellFormedAndEscapeMarkupAndDanishLetters() throws Exception {
        CanonicalDocument doc = map(fixture("handleplan-prefixed-all-fields"));
        byte[] xml = connector().renderer().render(doc);
        String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text)
                .contains(
                        "&lt;og&gt;",
                        "Søvnrytme &amp; kost",
                        "Unge &amp; Efterværn",
                        "Æbelø-Øster");
        org.w3c.dom.Element root = SafeXml.parse(xml).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(DubuMapper.NS);
        assertThat(root.getLocalName()).isEqualTo("Levering");
        assertThat(
                        SafeXml.optionalText(
                                SafeXml.child(root, DubuMapper.NS, "Handleplan", "Handleplan"),
                                DubuMapper.NS,
                                "Formaal",
                                "Formaal"))
                .isEqualTo("At Åse får en ungdomsuddannelse <og> egen bolig");
    }

    @Test
    void contractExampleMapsThemesLegalBasisAndProvenance() throws Exception {
        CanonicalDocument doc = map(fixture("handleplan-contract-example"));
        assertThat(doc.documentId()).isEqualTo("dubu:handleplan:HP-88120");
        assertThat(doc.version()).isEqualTo(3);
        assertThat(doc.youngPerson().cpr()).isEqualTo("1203094127");
        assertThat(doc.handleplan().goals())
                .extracting(g -> g.theme().code())
                .containsExactly(ThemeCode.SCHOOL, ThemeCode.FAMILY);
        assertThat(doc.handleplan().measures().get(0).legalBasis().section())
                .isEqualTo("§52, stk. 3, nr. 7");
        assertThat(doc.provenance().sourceEventId())
                .isEqualTo("3f2b8a4e-6c1d-4e0a-9b7a-2d5c1e9f0a11");
        assertThat(doc.provenance().receivedAt()).isEqualTo(RECEIVED_AT);
    }

    @Test
    void documentsWithoutSourceVersionAreVersionedByEventTime() throws Exception {
        CanonicalDocument given = map(fixture("samtykke-barn-sample"));
        CanonicalDocument revoked = map(fixture("samtykke-tilbagekaldt"));
        assertThat(given.documentId()).isEqualTo(revoked.documentId());
        assertThat(revoked.version()).isGreaterThan(given.version());
        assertThat(given.version())
                .isEqualTo(given.provenance().eventTime().toInstant().toEpochMilli());
    }

    private static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures/valid/" + name + ".native.xml");
    }

    @Override
    protected List<String> contractValues(byte[] nativeDocument) throws Exception {
        Set<String> values = new HashSet<>();
        // elements in other namespaces are not the contract's: ignored by design
        collectXml(
                SafeXml.parse(nativeDocument).getDocumentElement(),
                e -> DubuMapper.NS.equals(e.getNamespaceURI()),
                values);
        return values.stream().filter(v -> !TRANSLATED.contains(v)).toList();
    }

    private record Goal(String tema, String text, LocalDate deadline) {}

    private record Measure(String paragraf, String text, LocalDate start, LocalDate end) {}

    @Override
    protected Arbitrary<byte[]> generatedNativeDocuments() {
        Arbitrary<Goal> goal =
                Combinators.combine(
                                Arbitraries.of(DubuMapper.THEMES.keySet()),
                                Generators.text(),
                                Generators.optional(Generators.date()))
                        .as(Goal::new);
        Arbitrary<Measure> measure =
                Combinators.combine(
                                Generators.text(),
                                Generators.text(),
                                Generators.date(),
                                Generators.optional(Generators.date()))
                        .as(Measure::new);
        return Combinators.combine(
                        Generators.cpr(),
                        Generators.optional(Generators.text()),
                        Generators.optional(Generators.text()),
                        Generators.id(),
                        Arbitraries.integers().between(1, 10_000),
                        goal.list().ofMaxSize(4),
                        measure.list().ofMaxSize(3),
                        Generators.optional(Generators.text()))
                .as(
                        (cpr, first, last, planId, version, goals, measures, purpose) -> {
                            XmlOut x = new XmlOut(DubuMapper.NS, "Haendelse");
                            x.element("HaendelseId", "3f2b8a4e-6c1d-4e0a-9b7a-2d5c1e9f0a11")
                                    .element("HaendelseType", "HandleplanOpdateret")
                                    .element("Tidspunkt", "2026-03-14T09:30:00+01:00")
                                    .element("Kommunekode", "607")
                                    .start("Sag")
                                    .element("SagsId", "DUBU-" + planId)
                                    .start("Barn")
                                    .element("CPR", cpr)
                                    .element("Fornavn", first)
                                    .element("Efternavn", last)
                                    .end()
                                    .end()
                                    .start("Handleplan")
                                    .attribute("version", version)
                                    .element("PlanId", planId)
                                    .element("Lovgrundlag", "SEL §140")
                                    .element("GyldigFra", "2026-03-01")
                                    .element("Formaal", purpose);
                            goals.forEach(
                                    g ->
                                            x.start("Maal")
                                                    .attribute("tema", g.tema())
                                                    .attribute("frist", g.deadline())
                                                    .text(g.text())
                                                    .end());
                            measures.forEach(
                                    m ->
                                            x.start("Indsats")
                                                    .attribute("paragraf", m.paragraf())
                                                    .attribute("start", m.start())
                                                    .attribute("slut", m.end())
                                                    .text(m.text())
                                                    .end());
                            return x.bytes();
                        });
    }
}
