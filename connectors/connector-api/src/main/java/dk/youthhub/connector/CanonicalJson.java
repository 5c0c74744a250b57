package dk.youthhub.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration for canonical documents: ISO dates, absent fields left out, strict and
 * bounded reading (duplicate keys rejected, nesting, string, number and document length limited, no
 * NaN or Infinity).
 */
public final class CanonicalJson {
    public static final int MAX_NESTING_DEPTH = 64;
    public static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

    private static final ObjectMapper MAPPER = create();

    private CanonicalJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A hardened factory for reading any JSON the hub does not trust. */
    public static JsonFactory hardenedFactory(int maxDocumentBytes) {
        return JsonFactory.builder()
                .streamReadConstraints(
                        StreamReadConstraints.builder()
                                .maxNestingDepth(MAX_NESTING_DEPTH)
                                .maxDocumentLength(maxDocumentBytes)
                                .maxStringLength(maxDocumentBytes)
                                .maxNumberLength(64)
                                .maxNameLength(1024)
                                .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
    }

    private static ObjectMapper create() {
        return JsonMapper.builder(hardenedFactory(MAX_DOCUMENT_BYTES))
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
