package com.capidemo.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's JSON, by Jackson: answers of the platform read as plain maps and lists (objects → LinkedHashMap,
 * arrays → ArrayList, numbers → Integer/Long/Double), and string literals for the request bodies and result files.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    static Map<String, Object> object(String text) {
        try {
            return MAPPER.readValue(text, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + abbreviate(text), e);
        }
    }

    static List<Object> array(String text) {
        try {
            return MAPPER.readValue(text, new TypeReference<List<Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON array: " + abbreviate(text), e);
        }
    }

    /** The string value of a top-level field, or null. */
    static String str(Map<String, Object> o, String field) {
        Object v = o.get(field);
        return v == null ? null : v.toString();
    }

    static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** A JSON string literal ({@code null} for null). */
    static String quote(String v) {
        try {
            return MAPPER.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a String always serializes
        }
    }
}
