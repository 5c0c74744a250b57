package dk.youthhub.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CanonicalSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> validExamplesValidate() throws Exception {
        return examples("valid")
                .map(
                        p ->
                                DynamicTest.dynamicTest(
                                        name(p),
                                        () ->
                                                assertThat(
                                                                CanonicalSchemas.validate(
                                                                        type(p), 1, read(p)))
                                                        .as(name(p))
                                                        .isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> invalidExamplesFail() throws Exception {
        return examples("invalid")
                .map(
                        p ->
                                DynamicTest.dynamicTest(
                                        name(p),
                                        () ->
                                                assertThat(
                                                                CanonicalSchemas.validate(
                                                                        type(p), 1, read(p)))
                                                        .as(name(p))
                                                        .isNotEmpty()));
    }

    @Test
    void everyTypeHasValidAndInvalidExamples() throws Exception {
        for (String type : CanonicalSchemas.TYPES) {
            for (String kind : List.of("valid", "invalid")) {
                try (Stream<Path> files = Files.list(examplesRoot().resolve(type).resolve(kind))) {
                    assertThat(files.count()).as(type + "/" + kind).isPositive();
                }
            }
        }
    }

    @Test
    void messagesNameTheRuleNotTheValue() throws Exception {
        JsonNode doc = read(examplesRoot().resolve("handleplan/invalid/cpr-with-dash.json"));
        assertThat(CanonicalSchemas.validate("handleplan", 1, doc))
                .containsExactly("/youngPerson/cpr: pattern")
                .noneMatch(m -> m.contains("120309"));
    }

    /**
     * A released schema never changes: a change that is not backward compatible needs a new version
     * (v2 beside v1). Update {@code released.sha256} only when adding a new version.
     */
    @Test
    void releasedSchemasAreUnchanged() throws Exception {
        Path root = Path.of(CanonicalSchemas.class.getResource("/schemas/canonical").toURI());
        List<String> lines = Files.readAllLines(root.resolve("released.sha256"));
        assertThat(lines).hasSize(CanonicalSchemas.TYPES.size() + 1);
        for (String line : lines) {
            String[] parts = line.split("\\s+");
            assertThat(sha256(root.resolve(parts[1])))
                    .as("released schema %s was changed; add a new version instead", parts[1])
                    .isEqualTo(parts[0]);
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Stream<Path> examples(String kind) throws Exception {
        try (Stream<Path> all = Files.walk(examplesRoot())) {
            return all
                    .filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> p.getParent().getFileName().toString().equals(kind))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static Path examplesRoot() throws URISyntaxException {
        return Path.of(CanonicalSchemasTest.class.getResource("/examples/v1").toURI());
    }

    private static String type(Path example) {
        return example.getParent().getParent().getFileName().toString();
    }

    private static String name(Path example) {
        return type(example)
                + "/"
                + example.getParent().getFileName()
                + "/"
                + example.getFileName();
    }

    private static JsonNode read(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return JSON.readTree(in);
        }
    }
}
