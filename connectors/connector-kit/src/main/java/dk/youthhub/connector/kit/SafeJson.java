package dk.youthhub.connector.kit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dk.youthhub.connector.CanonicalJson;
import dk.youthhub.connector.ErrorCode;
import dk.youthhub.connector.MappingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A hardened reader for native JSON: bounded nesting, string, number and document length, strict
 * duplicate keys, no NaN or Infinity, large numbers as exact decimals, nothing after the value.
 * Anything else is {@code MALFORMED}; parser messages are never passed on (they quote input).
 */
public final class SafeJson {
    public static final int MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

    private static final ObjectMapper READER =
            JsonMapper.builder(CanonicalJson.hardenedFactory(MAX_DOCUMENT_BYTES))
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                    .build();

    private SafeJson() {}

    public static JsonNode parse(byte[] json) throws MappingException {
        if (json == null || json.length == 0) {
            throw new MappingException(ErrorCode.MALFORMED, "empty body");
        }
        try {
            JsonNode node = READER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MappingException(ErrorCode.MALFORMED, "empty body");
            }
            return node;
        } catch (JacksonException e) {
            String where =
                    e.getLocation() == null
                            ? ""
                            : " (line "
                                    + e.getLocation().getLineNr()
                                    + ", column "
                                    + e.getLocation().getColumnNr()
                                    + ")";
            throw new MappingException(
                    ErrorCode.MALFORMED,
                    "not well-formed JSON, a duplicate key, or over a size limit" + where);
        } catch (IOException e) {
            throw new MappingException(ErrorCode.MALFORMED, "not readable JSON");
        }
    }

    /**
     * Reads a native event: {@code MALFORMED} unless it is hardened-readable JSON, {@code
     * SCHEMA_VIOLATION} unless an object, {@code UNKNOWN_TYPE} when its type field names a type not
     * in {@code knownTypes}, then every violation of its JSON Schema in one {@code
     * SCHEMA_VIOLATION}.
     */
    public static JsonNode event(
            byte[] payload, String typeField, Set<String> knownTypes, String schemaLocation)
            throws MappingException {
        JsonNode event = parse(payload);
        if (!event.isObject()) {
            throw MappingException.violation("/", "an event is a JSON object");
        }
        JsonNode type = event.get(typeField);
        if (type != null && type.isTextual() && !knownTypes.contains(type.asText())) {
            throw new MappingException(
                    ErrorCode.UNKNOWN_TYPE,
                    "/" + typeField + ": not an event type of the contract");
        }
        requireValid(event, schemaLocation);
        return event;
    }

    /** The text at a JSON pointer, null when absent or JSON null. */
    public static String text(JsonNode node, String pointer) {
        JsonNode n = node.at(pointer);
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    /** The elements of the array at a JSON pointer, empty when absent. */
    public static List<JsonNode> array(JsonNode node, String pointer) {
        List<JsonNode> out = new ArrayList<>();
        node.at(pointer).forEach(out::add);
        return out;
    }

    /**
     * Checks a native event against its JSON Schema; every violation is listed in one {@code
     * SCHEMA_VIOLATION}.
     */
    public static void requireValid(JsonNode event, String schemaLocation) throws MappingException {
        List<String> violations = dk.youthhub.schemas.JsonSchemas.validate(schemaLocation, event);
        if (!violations.isEmpty()) {
            throw new MappingException(ErrorCode.SCHEMA_VIOLATION, String.join("; ", violations));
        }
    }
}
