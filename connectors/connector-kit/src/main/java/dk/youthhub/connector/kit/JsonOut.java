package dk.youthhub.connector.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.youthhub.connector.CanonicalJson;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Building JSON deliveries: absent values are left out, dates in ISO-8601. */
public final class JsonOut {
    private final ObjectNode node;

    private JsonOut(ObjectNode node) {
        this.node = node;
    }

    public static JsonOut object() {
        return new JsonOut(CanonicalJson.mapper().createObjectNode());
    }

    public JsonOut put(String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
        return this;
    }

    public JsonOut put(String key, Long value) {
        if (value != null) {
            node.put(key, value);
        }
        return this;
    }

    public JsonOut put(String key, LocalDate value) {
        return put(key, value == null ? null : value.toString());
    }

    public JsonOut put(String key, OffsetDateTime value) {
        return put(
                key, value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }

    /** A nested object, left out when it has no field. */
    public JsonOut put(String key, JsonOut value) {
        if (value != null && !value.node.isEmpty()) {
            node.set(key, value.node);
        }
        return this;
    }

    /** An array, always written (an empty list is content too). */
    public JsonOut array(String key, Iterable<JsonOut> items) {
        ArrayNode a = node.putArray(key);
        items.forEach(i -> a.add(i.node));
        return this;
    }

    public JsonOut strings(String key, Iterable<String> items) {
        ArrayNode a = node.putArray(key);
        items.forEach(a::add);
        return this;
    }

    /**
     * Fields from a map of names to values (text, numbers, dates, times) or to nested maps, which
     * become nested objects; absent values and empty objects are left out.
     */
    public JsonOut fields(Map<String, Object> fields) {
        fields.forEach(
                (name, value) -> {
                    if (value instanceof Map<?, ?> group) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> nested = (Map<String, Object>) group;
                        put(name, object().fields(nested));
                    } else if (value instanceof Number n) {
                        put(name, n.longValue());
                    } else if (value instanceof OffsetDateTime t) {
                        put(name, t);
                    } else if (value instanceof Boolean b) {
                        node.put(name, b);
                    } else if (value != null) {
                        put(name, value.toString());
                    }
                });
        return this;
    }

    public byte[] bytes() {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a delivery could not be written", e);
        }
    }
}
