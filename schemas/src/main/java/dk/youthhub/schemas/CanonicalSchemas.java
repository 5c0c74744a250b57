package dk.youthhub.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The canonical JSON Schemas, one per document type and version, loaded from the classpath ({@code
 * schemas/canonical/v<N>/<type>.schema.json}). Validation messages name the location and the rule
 * that failed, never the value.
 */
public final class CanonicalSchemas {
    public static final String BASE_URI = "https://schemas.youthhub.dk/canonical/";
    public static final List<String> TYPES =
            List.of("handleplan", "jobplan", "assessment", "consent", "education-status");

    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V202012,
                    b ->
                            b.schemaMappers(
                                    m -> m.mapPrefix(BASE_URI, "classpath:schemas/canonical/")));
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private CanonicalSchemas() {}

    /** The schema's URI, also its {@code $id}, e.g. {@code .../v1/handleplan.schema.json}. */
    public static String uri(String type, int version) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown document type");
        }
        return BASE_URI + "v" + version + "/" + type + ".schema.json";
    }

    /** The violations of a document against its type's schema; empty when valid. */
    public static List<String> validate(String type, int version, JsonNode document) {
        JsonSchema schema =
                CACHE.computeIfAbsent(
                        uri(type, version), u -> FACTORY.getSchema(SchemaLocation.of(u), CONFIG));
        return schema.validate(document).stream().map(CanonicalSchemas::describe).sorted().toList();
    }

    private static String describe(ValidationMessage m) {
        String where = m.getInstanceLocation().toString();
        return m.getProperty() == null
                ? where + ": " + m.getType()
                : where + ": " + m.getType() + " '" + m.getProperty() + "'";
    }
}
