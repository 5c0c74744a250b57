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

    private static final List<Integer> VERSIONS = List.of(1, 2);

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
                                                                        type(p),
                                                                        version(p),
                                                                        read(p)))
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
                                                                        type(p),
                                                                        version(p),
                                                                        read(p)))
                                                        .as(name(p))
                                                        .isNotEmpty()));
    }

    @Test
    void everyTypeHasValidAndInvalidExamples() throws Exception {
        for (String type : CanonicalSchemas.TYPES) {
            for (int version : VERSIONS) {
                if (version < CanonicalSchemas.since(type)) {
                    continue;
                }
                for (String kind : List.of("valid", "invalid")) {
                    Path dir = examplesRoot().resolve("v" + version).resolve(type).resolve(kind);
                    try (Stream<Path> files = Files.list(dir)) {
                        assertThat(files.count()).as(dir.toString()).isPositive();
                    }
                }
            }
        }
    }

    @Test
    void messagesNameTheRuleNotTheValue() throws Exception {
        JsonNode doc = read(examplesRoot().resolve("v2/handleplan/invalid/cpr-with-dash.json"));
        assertThat(CanonicalSchemas.validate("handleplan", doc))
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
        long files =
                VERSIONS.stream()
                        .mapToLong(
                                v ->
                                        1
                                                + CanonicalSchemas.TYPES.stream()
                                                        .filter(t -> CanonicalSchemas.since(t) <= v)
                                                        .count())
                        .sum();
        assertThat(lines).hasSize((int) files);
        for (String line : lines) {
            String[] parts = line.split("\\s+");
            assertThat(sha256(root.resolve(parts[1])))
                    .as("released schema %s was changed; add a new version instead", parts[1])
                    .isEqualTo(parts[0]);
        }
    }

    /**
     * Version 2 reads everything version 1 wrote: every valid version-1 example is a valid
     * version-2 document, and the schemas differ only in {@code system}, widened from a list of ids
     * to the id pattern (so a new connector needs no new schema).
     */
    @TestFactory
    Stream<DynamicTest> version2IsCompatibleWithVersion1() throws Exception {
        Stream<DynamicTest> examples =
                examples("valid")
                        .filter(p -> version(p) == 1)
                        .map(
                                p ->
                                        DynamicTest.dynamicTest(
                                                "v2 reads " + name(p),
                                                () ->
                                                        assertThat(
                                                                        CanonicalSchemas.validate(
                                                                                type(p), 2,
                                                                                read(p)))
                                                                .isEmpty()));
        Path root = Path.of(CanonicalSchemas.class.getResource("/schemas/canonical").toURI());
        Stream<DynamicTest> schemas =
                Stream.concat(
                                CanonicalSchemas.TYPES.stream()
                                        .filter(t -> CanonicalSchemas.since(t) == 1),
                                Stream.of("common"))
                        .map(
                                type ->
                                        DynamicTest.dynamicTest(
                                                type + ": v2 differs from v1 only in system",
                                                () -> {
                                                    String file = type + ".schema.json";
                                                    JsonNode v1 =
                                                            withoutVersionedParts(
                                                                    read(
                                                                            root.resolve(
                                                                                    "v1/" + file)));
                                                    JsonNode v2 =
                                                            withoutVersionedParts(
                                                                    read(
                                                                            root.resolve(
                                                                                    "v2/" + file)));
                                                    assertThat(v2).isEqualTo(v1);
                                                }));
        return Stream.concat(examples, schemas);
    }

    @Test
    void version2AcceptsAnySystemIdVersion1Did() throws Exception {
        JsonNode doc =
                read(examplesRoot().resolve("v2/education-status/valid/from-a-new-system.json"));
        assertThat(CanonicalSchemas.validate("education-status", 2, doc)).isEmpty();
        assertThat(CanonicalSchemas.validate("education-status", 1, doc))
                .containsExactly("/provenance/sourceSystem: enum");
    }

    private static JsonNode withoutVersionedParts(JsonNode schema) {
        com.fasterxml.jackson.databind.node.ObjectNode copy =
                (com.fasterxml.jackson.databind.node.ObjectNode) schema.deepCopy();
        copy.remove(List.of("$id", "title"));
        if (copy.path("$defs").has("system")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("$defs")).remove("system");
        }
        return copy;
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
        return Path.of(CanonicalSchemasTest.class.getResource("/examples").toURI());
    }

    private static int version(Path example) {
        return Integer.parseInt(
                example.getParent().getParent().getParent().getFileName().toString().substring(1));
    }

    private static String type(Path example) {
        return example.getParent().getParent().getFileName().toString();
    }

    private static String name(Path example) {
        return "v"
                + version(example)
                + "/"
                + type(example)
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
