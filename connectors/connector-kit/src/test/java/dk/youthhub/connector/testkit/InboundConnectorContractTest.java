package dk.youthhub.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dk.youthhub.canonical.CanonicalDocument;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.InboundMapper;
import dk.youthhub.connector.MappingException;
import dk.youthhub.schemas.CanonicalSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The contract every connector with an inbound mapper passes, beside {@link ConnectorContractTest}.
 * Fixtures live in the connector module under {@code src/test/resources/fixtures/}: {@code
 * valid/<case>.native.<ext>} with its golden {@code valid/<case>.canonical.json}, and {@code
 * invalid/<case>.<ERROR_CODE>.native.<ext>}. Run with {@code -Dgolden.update=true} to (re)write the
 * golden files, then review the diff.
 */
public abstract class InboundConnectorContractTest extends ConnectorContractTest {
    /** The receive time every fixture is mapped with, so goldens are stable. */
    public static final Instant RECEIVED_AT = Instant.parse("2026-06-01T10:00:00Z");

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{6}-?\\d{4}");

    /**
     * The values of a native fixture that the contract defines and the canonical document keeps as
     * they are (leave out values translated to canonical codes and fields the contract does not
     * define).
     */
    protected abstract List<String> contractValues(byte[] nativeDocument) throws Exception;

    /**
     * Valid native documents with generated content (Danish letters, XML and JSON specials,
     * optional fields present and absent), for the property below.
     */
    protected abstract Arbitrary<byte[]> generatedNativeDocuments();

    @Provide
    Arbitrary<byte[]> nativeDocuments() {
        return generatedNativeDocuments();
    }

    /**
     * No value the contract defines is lost on the way to canonical and back: for generated valid
     * documents, mapping succeeds, the result validates, and every value reaches the canonical
     * document and survives {@code render(map(x))}.
     */
    @Property(tries = 200)
    void generatedDocumentsKeepEveryValueToCanonicalAndBack(
            @ForAll("nativeDocuments") byte[] document) throws Exception {
        CanonicalDocument doc = mapper().toCanonical(document, RECEIVED_AT);
        JsonNode json =
                CanonicalJson.mapper().readTree(CanonicalJson.mapper().writeValueAsString(doc));
        assertThat(CanonicalSchemas.validate(doc.documentType().id(), json)).isEmpty();
        Set<String> canonical = new HashSet<>();
        collectValues(json, canonical);
        Set<String> rendered = deliveryValues(connector().renderer().render(doc));
        for (String value : contractValues(document)) {
            assertThat(canonical).contains(normalised(value));
            assertThat(rendered).contains(normalised(value));
        }
    }

    /**
     * Hostile input, fuzzed (fixed seed in the build; {@code -Pfuzz} runs far more tries): random
     * bytes, and valid fixtures mutated (bytes flipped, cut, spliced, a marker text inserted) are
     * either mapped or refused with an error code; never another exception, never a hang, and a
     * refusal never echoes the input's text. {@code cprOf} never throws.
     */
    @Property(seed = "20261203")
    void hostileInputIsMappedOrRefusedWithACodeQuicklyAndWithoutEchoingIt(
            @ForAll("hostileInputs") byte[] input) {
        String marker = "QZXJ" + Integer.toHexString(java.util.Arrays.hashCode(input) & 0xfffff);
        byte[] marked = insert(input, marker, Math.abs(java.util.Arrays.hashCode(input)));
        for (byte[] payload : List.of(input, marked)) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(5),
                    () -> {
                        try {
                            mapper().toCanonical(payload, RECEIVED_AT);
                        } catch (MappingException e) {
                            assertThat(e.code()).isNotNull();
                            assertThat(e.getMessage())
                                    .isNotBlank()
                                    .doesNotContain(marker)
                                    .doesNotContainPattern(TEN_DIGITS);
                        }
                        mapper().cprOf(payload);
                    });
        }
    }

    @Provide
    Arbitrary<byte[]> hostileInputs() throws IOException {
        List<byte[]> seeds = new java.util.ArrayList<>();
        for (Path f : fixtures("valid").toList()) {
            seeds.add(Files.readAllBytes(f));
        }
        Arbitrary<byte[]> seed = net.jqwik.api.Arbitraries.of(seeds);
        Arbitrary<byte[]> random =
                net.jqwik.api.Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        Arbitrary<byte[]> mutated =
                net.jqwik.api.Combinators.combine(
                                seed,
                                net.jqwik.api.Arbitraries.integers().between(0, 3),
                                net.jqwik.api.Arbitraries.integers().between(0, 1 << 20),
                                net.jqwik.api.Arbitraries.bytes())
                        .as(InboundConnectorContractTest::mutate);
        return net.jqwik.api.Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, random), net.jqwik.api.Tuple.of(4, mutated));
    }

    /** One mutation of a valid document: a flipped byte, a cut, a repeated slice, a new byte. */
    private static byte[] mutate(byte[] doc, int kind, int at, byte value) {
        if (doc.length == 0) {
            return doc;
        }
        int i = at % doc.length;
        return switch (kind) {
            case 0 -> {
                byte[] out = doc.clone();
                out[i] = value;
                yield out;
            }
            case 1 -> java.util.Arrays.copyOf(doc, i);
            case 2 -> {
                byte[] out = new byte[doc.length + (doc.length - i)];
                System.arraycopy(doc, 0, out, 0, doc.length);
                System.arraycopy(doc, i, out, doc.length, doc.length - i);
                yield out;
            }
            default -> insert(doc, String.valueOf((char) (value & 0x7f)), at);
        };
    }

    private static byte[] insert(byte[] doc, String text, int at) {
        byte[] t = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int i = doc.length == 0 ? 0 : Math.floorMod(at, doc.length);
        byte[] out = new byte[doc.length + t.length];
        System.arraycopy(doc, 0, out, 0, i);
        System.arraycopy(t, 0, out, i, t.length);
        System.arraycopy(doc, i, out, i + t.length, doc.length - i);
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyValueTheContractDefinesReachesTheCanonicalDocument()
            throws IOException {
        return eachFixture(
                "valid",
                f -> assertNativeValuesInCanonical(f, contractValues(Files.readAllBytes(f))));
    }

    @TestFactory
    Stream<DynamicTest> validFixturesMapToTheirGoldenCanonicalDocument() throws IOException {
        return eachFixture(
                "valid",
                f -> {
                    JsonNode actual = mapToJson(f);
                    Path golden = golden(f);
                    if (Boolean.getBoolean("golden.update")) {
                        Files.writeString(golden, PRETTY.writeValueAsString(actual) + "\n");
                    }
                    assertThat(golden).as("golden file").exists();
                    assertThat(actual).isEqualTo(CanonicalJson.mapper().readTree(golden.toFile()));
                });
    }

    @TestFactory
    Stream<DynamicTest> everyMappedDocumentValidatesAgainstItsSchema() throws IOException {
        return eachFixture(
                "valid",
                f -> {
                    CanonicalDocument doc = map(f);
                    assertThat(
                                    CanonicalSchemas.validate(
                                            doc.documentType().id(),
                                            CanonicalJson.mapper().valueToTree(doc)))
                            .isEmpty();
                });
    }

    @TestFactory
    Stream<DynamicTest> mappingIsDeterministic() throws IOException {
        return eachFixture("valid", f -> assertThat(map(f)).isEqualTo(map(f)));
    }

    @TestFactory
    Stream<DynamicTest> invalidFixturesFailWithTheirErrorCodeAndASafeMessage() throws IOException {
        return eachFixture(
                "invalid",
                f -> {
                    ErrorCode expected = expectedCode(f);
                    byte[] payload = Files.readAllBytes(f);
                    assertThatThrownBy(() -> mapper().toCanonical(payload, RECEIVED_AT))
                            .isInstanceOfSatisfying(
                                    MappingException.class,
                                    e -> {
                                        assertThat(e.code()).isEqualTo(expected);
                                        assertThat(e.getMessage())
                                                .isNotBlank()
                                                .doesNotContainPattern(TEN_DIGITS);
                                    });
                });
    }

    /**
     * A refused input's dead letter belongs to its young person's audit chain when the CPR number
     * can be read: {@code cprOf} finds it in every valid fixture, and never throws.
     */
    @TestFactory
    Stream<DynamicTest> cprOfReadsTheYoungPersonOfEveryValidFixtureAndNeverThrows()
            throws IOException {
        return Stream.concat(
                eachFixture(
                        "valid",
                        f ->
                                assertThat(
                                                mapper().cprOf(Files.readAllBytes(f))
                                                        .flatMap(dk.youthhub.connector.Cpr::parse)
                                                        .map(dk.youthhub.connector.Cpr::digits))
                                        .contains(map(f).youngPerson().cpr())),
                eachFixture("invalid", f -> mapper().cprOf(Files.readAllBytes(f))));
    }

    @Test
    void hasValidAndInvalidFixtures() throws IOException {
        assertThat(fixtures("valid")).isNotEmpty();
        assertThat(fixtures("invalid")).isNotEmpty();
    }

    @Test
    void mapperFollowsTheNamingPolicy() {
        assertThat(mapper().getClass().getSimpleName()).isEqualTo(systemPrefix() + "Mapper");
    }

    @TestFactory
    Stream<DynamicTest> renderOfMapKeepsEveryValueTheContractDefines() throws IOException {
        return eachFixture(
                "valid",
                f -> {
                    Set<String> rendered = deliveryValues(connector().renderer().render(map(f)));
                    for (String value : contractValues(Files.readAllBytes(f))) {
                        assertThat(rendered)
                                .as("native value of %s after render(map(x))", f.getFileName())
                                .contains(normalised(value));
                    }
                });
    }

    /**
     * Asserts that each native value reaches the canonical document (CPR numbers without the dash,
     * date-times in ISO-8601): no content the contract defines is dropped.
     */
    private void assertNativeValuesInCanonical(Path fixture, List<String> nativeValues)
            throws IOException, MappingException {
        Set<String> canonical = new HashSet<>();
        collectValues(mapToJson(fixture), canonical);
        for (String value : nativeValues) {
            assertThat(canonical)
                    .as("native value of %s", fixture.getFileName())
                    .contains(normalised(value));
        }
    }

    private InboundMapper mapper() {
        return connector()
                .inboundMapper()
                .orElseThrow(() -> new AssertionError("no inbound mapper"));
    }

    private static String normalised(String text) {
        if (text.matches("\\d{6}-\\d{4}")) {
            return text.replace("-", "");
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(text));
        } catch (DateTimeParseException notADateTime) {
            return text;
        }
    }

    private static void collectValues(JsonNode node, Set<String> out) {
        if (node.isValueNode()) {
            out.add(node.asText());
        }
        node.forEach(child -> collectValues(child, out));
    }

    protected CanonicalDocument map(Path nativeFixture) throws IOException, MappingException {
        return mapper().toCanonical(Files.readAllBytes(nativeFixture), RECEIVED_AT);
    }

    protected JsonNode mapToJson(Path nativeFixture) throws IOException, MappingException {
        return CanonicalJson.mapper()
                .readTree(CanonicalJson.mapper().writeValueAsString(map(nativeFixture)));
    }

    /** One dynamic test per fixture of a kind, named by its file. */
    protected static Stream<DynamicTest> eachFixture(String kind, ThrowingConsumer<Path> test)
            throws IOException {
        return fixtures(kind)
                .map(
                        f ->
                                DynamicTest.dynamicTest(
                                        f.getFileName().toString(), () -> test.accept(f)));
    }

    protected static Stream<Path> fixtures(String kind) throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve(kind))) {
            return files
                    .filter(p -> p.getFileName().toString().contains(".native."))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static Path golden(Path nativeFixture) {
        String name = nativeFixture.getFileName().toString();
        return nativeFixture.resolveSibling(
                name.substring(0, name.indexOf(".native.")) + ".canonical.json");
    }

    private static ErrorCode expectedCode(Path invalidFixture) {
        String name = invalidFixture.getFileName().toString();
        String beforeNative = name.substring(0, name.indexOf(".native."));
        return ErrorCode.valueOf(beforeNative.substring(beforeNative.lastIndexOf('.') + 1));
    }
}
