package dk.youthhub.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The canonical JSON Schemas, one per document type and version, loaded from the classpath ({@code
 * schemas/canonical/v<N>/<type>.schema.json}). Validation messages name the location and the rule
 * that failed, never the value.
 */
public final class CanonicalSchemas {
    public static final String BASE_URI = "https://schemas.youthhub.dk/canonical/";

    /**
     * The schema version every canonical record is written and checked against. Version 2 is
     * version 1 with {@code system} a pattern instead of a list, so a new connector needs no new
     * schema; every version-1 document is a valid version-2 document ({@code
     * CanonicalSchemasTest}). Published names ({@code canonical.<type>.v1}, {@code ce_type}) keep
     * their own version: they change only with a change readers cannot follow.
     */
    public static final int CURRENT = 2;

    public static final List<String> TYPES =
            List.of(
                    "handleplan",
                    "jobplan",
                    "assessment",
                    "consent",
                    "education-status",
                    "meeting",
                    "goal-agreement",
                    "milestone");

    /**
     * The documents the hub authors (the collaboration model) exist from version 2: adding a type
     * is compatible, so it joins the current version and changes no released file.
     */
    private static final List<String> SINCE_VERSION_2 =
            List.of("meeting", "goal-agreement", "milestone");

    private CanonicalSchemas() {}

    /** The schema's URI, also its {@code $id}, e.g. {@code .../v1/handleplan.schema.json}. */
    public static String uri(String type, int version) {
        if (!TYPES.contains(type) || version < since(type)) {
            throw new IllegalArgumentException("unknown document type");
        }
        return BASE_URI + "v" + version + "/" + type + ".schema.json";
    }

    /** The first schema version that has this type. */
    public static int since(String type) {
        return SINCE_VERSION_2.contains(type) ? 2 : 1;
    }

    /** The current schema's URI, also a record's {@code ce_dataschema}. */
    public static String uri(String type) {
        return uri(type, CURRENT);
    }

    /** The violations of a document against its type's current schema; empty when valid. */
    public static List<String> validate(String type, JsonNode document) {
        return validate(type, CURRENT, document);
    }

    /** The violations of a document against its type's schema; empty when valid. */
    public static List<String> validate(String type, int version, JsonNode document) {
        return JsonSchemas.validate(uri(type, version), document);
    }
}
