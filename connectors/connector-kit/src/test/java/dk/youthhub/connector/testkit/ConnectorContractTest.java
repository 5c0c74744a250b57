package dk.youthhub.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.Connector;
import dk.youthhub.connector.MappingException;
import dk.youthhub.connector.kit.SafeJson;
import dk.youthhub.connector.kit.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The contract every connector passes: its deliveries. Each canonical sample of the kit (every
 * document type and assessment kind) renders to the golden {@code
 * src/test/resources/fixtures/delivery/<sample>.delivery.<xml|json>}, deterministically, and the
 * delivery carries the document's identity, the CPR number and every content value. Run with {@code
 * -Dgolden.update=true} to (re)write the goldens, then review the diff.
 */
public abstract class ConnectorContractTest {
    /** Canonical documents every renderer is tested with (test-jar resources). */
    public static final List<String> SAMPLES =
            List.of(
                    "handleplan-child",
                    "handleplan-adult",
                    "jobplan",
                    "assessment-child",
                    "assessment-vum",
                    "assessment-resource-profile",
                    "education-status",
                    "education-status-minimal",
                    "consent-parent",
                    "consent-revoked",
                    "meeting",
                    "goal-agreement",
                    "milestone");

    /** Canonical codes a recipient may see in its own terms instead (consent status, given by). */
    private static final Set<String> TRANSLATABLE_KEYS = Set.of("status", "givenBy");

    /**
     * Fields derived from another that is delivered (a legal basis's law and section: its text).
     */
    private static final Set<String> DERIVED_KEYS = Set.of("law", "section");

    protected static final ObjectMapper PRETTY =
            CanonicalJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    protected abstract Connector connector();

    @TestFactory
    Stream<DynamicTest> everySampleRendersToItsGoldenDelivery() {
        return SAMPLES.stream()
                .map(
                        name ->
                                DynamicTest.dynamicTest(
                                        name,
                                        () -> {
                                            byte[] delivery =
                                                    connector().renderer().render(sample(name));
                                            Path golden = deliveryGolden(name);
                                            if (Boolean.getBoolean("golden.update")) {
                                                Files.createDirectories(golden.getParent());
                                                Files.write(golden, pretty(delivery));
                                            }
                                            assertThat(golden).as("golden delivery").exists();
                                            assertThat(
                                                            new String(
                                                                    pretty(delivery),
                                                                    StandardCharsets.UTF_8))
                                                    .isEqualTo(Files.readString(golden));
                                        }));
    }

    @TestFactory
    Stream<DynamicTest> everyDeliveryCarriesIdentityCprAndAllContent() {
        return SAMPLES.stream()
                .map(
                        name ->
                                DynamicTest.dynamicTest(
                                        name,
                                        () -> {
                                            CanonicalDocument doc = sample(name);
                                            Set<String> delivered =
                                                    deliveryValues(
                                                            connector().renderer().render(doc));
                                            assertThat(delivered)
                                                    .contains(
                                                            doc.documentId(),
                                                            doc.documentType().id(),
                                                            String.valueOf(doc.version()),
                                                            doc.provenance().sourceSystem().id(),
                                                            doc.youngPerson().cpr());
                                            assertThat(delivered).containsAll(contentValues(doc));
                                        }));
    }

    @Test
    void aHandoverDeliveryIsMarkedInTheBodyAndAnOrdinaryOneIsNot() throws Exception {
        for (String name : SAMPLES) {
            CanonicalDocument doc = sample(name);
            Set<String> ordinary = deliveryValues(connector().renderer().render(doc, false));
            Set<String> handover = deliveryValues(connector().renderer().render(doc, true));
            assertThat(handover).as(name).contains("true").containsAll(ordinary);
            assertThat(connector().renderer().render(doc, false))
                    .isEqualTo(connector().renderer().render(doc));
        }
    }

    @Test
    void renderingIsDeterministic() throws IOException {
        for (String name : SAMPLES) {
            CanonicalDocument doc = sample(name);
            assertThat(connector().renderer().render(doc))
                    .isEqualTo(connector().renderer().render(doc));
        }
    }

    @Test
    void theHubFindsIt() {
        assertThat(
                        ServiceLoader.load(Connector.class).stream()
                                .map(ServiceLoader.Provider::type)
                                .toList())
                .as("META-INF/services/%s lists the connector", Connector.class.getName())
                .contains(connector().getClass());
    }

    @Test
    void followsTheNamingPolicy() {
        Class<?> type = connector().getClass();
        assertThat(type.getPackageName())
                .isEqualTo("dk.youthhub.connector." + connector().descriptor().id());
        assertThat(type.getSimpleName()).isEqualTo(systemPrefix() + "Connector");
    }

    protected String systemPrefix() {
        String system = connector().descriptor().id();
        return Character.toUpperCase(system.charAt(0)) + system.substring(1);
    }

    /** A canonical sample of the kit. */
    public static CanonicalDocument sample(String name) throws IOException {
        try (InputStream in =
                ConnectorContractTest.class.getResourceAsStream(
                        "/canonical-samples/" + name + ".canonical.json")) {
            return CanonicalJson.mapper().readValue(in, CanonicalDocument.class);
        }
    }

    /** Every text and attribute value of an XML delivery, or every scalar of a JSON one. */
    protected Set<String> deliveryValues(byte[] delivery) throws MappingException {
        Set<String> out = new HashSet<>();
        if (isXml()) {
            collectXml(SafeXml.parse(delivery).getDocumentElement(), e -> true, out);
        } else {
            out.addAll(jsonValues(SafeJson.parse(delivery)));
        }
        return out;
    }

    /** Every scalar value of a JSON tree. */
    protected static List<String> jsonValues(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isValueNode() && !node.isNull()) {
            out.add(node.asText().strip());
        }
        node.forEach(child -> out.addAll(jsonValues(child)));
        return out;
    }

    private boolean isXml() {
        return connector().descriptor().nativeMediaType().endsWith("xml");
    }

    private Path deliveryGolden(String sample) {
        return Path.of(
                "src/test/resources/fixtures/delivery/"
                        + sample
                        + ".delivery."
                        + (isXml() ? "xml" : "json"));
    }

    private byte[] pretty(byte[] delivery) throws IOException {
        if (isXml()) {
            return (new String(delivery, StandardCharsets.UTF_8) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
        return (PRETTY.writeValueAsString(CanonicalJson.mapper().readTree(delivery)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The person, caseworker and payload values of a canonical document. */
    private static List<String> contentValues(CanonicalDocument doc) {
        JsonNode json = CanonicalJson.mapper().valueToTree(doc);
        List<String> out = new ArrayList<>(jsonValues(json.path("youngPerson")));
        out.addAll(jsonValues(json.path("caseworker")));
        for (String payload :
                List.of(
                        "handleplan",
                        "jobplan",
                        "assessment",
                        "consent",
                        "educationStatus",
                        "meeting",
                        "goalAgreement",
                        "milestone")) {
            collectContent(json.path(payload), out);
        }
        out.remove("all"); // every consent type: each system says it its own way
        return out;
    }

    private static void collectContent(JsonNode node, List<String> out) {
        if (node.isValueNode() && !node.isNull()) {
            out.add(node.asText());
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                boolean translated = TRANSLATABLE_KEYS.contains(f.getKey()) && node.has("givenBy");
                if (!translated && !DERIVED_KEYS.contains(f.getKey())) {
                    collectContent(f.getValue(), out);
                }
            }
        } else {
            node.forEach(child -> collectContent(child, out));
        }
    }

    /** Every attribute value (namespace declarations aside) and text of the elements included. */
    protected static void collectXml(
            Element e, java.util.function.Predicate<Element> include, Set<String> out) {
        if (!include.test(e)) {
            return;
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (!a.getName().startsWith("xmlns")) {
                out.add(a.getValue().strip());
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collectXml(child, include, out);
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                out.add(n.getNodeValue().strip());
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
