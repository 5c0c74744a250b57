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
 * JSON Schema (2020-12) validation against schemas on the classpath, with format assertions on.
 * Messages name the location and the rule that failed, never the value, so they are safe for dead
 * letters, HTTP answers and logs.
 */
public final class JsonSchemas {
    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V202012,
                    b ->
                            b.schemaMappers(
                                    m ->
                                            m.mapPrefix(
                                                    CanonicalSchemas.BASE_URI,
                                                    "classpath:schemas/canonical/")));
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private JsonSchemas() {}

    /**
     * @param location a schema URI, {@code https://schemas.youthhub.dk/canonical/...} or {@code
     *     classpath:...}
     * @return the violations, sorted; empty when valid
     */
    public static List<String> validate(String location, JsonNode document) {
        JsonSchema schema =
                CACHE.computeIfAbsent(
                        location, l -> FACTORY.getSchema(SchemaLocation.of(l), CONFIG));
        return schema.validate(document).stream().map(JsonSchemas::describe).sorted().toList();
    }

    private static String describe(ValidationMessage m) {
        String where = m.getInstanceLocation().toString();
        if (where.isEmpty()) {
            where = "/";
        }
        return m.getProperty() == null
                ? where + ": " + m.getType()
                : where + ": " + m.getType() + " '" + m.getProperty() + "'";
    }
}
