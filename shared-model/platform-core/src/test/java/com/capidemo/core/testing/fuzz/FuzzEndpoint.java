package com.capidemo.core.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One endpoint the fuzz suites attack, read from a service's {@code src/test/resources/fuzz-endpoints.json}: method,
 * path with {@code {param}} placeholders, valid path values, headers that authenticate it and a valid body. Values
 * may name {@code ${VARIABLE}}s the test supplies (an API key, the admin token, a job id). Adding an endpoint is one
 * entry in that file.
 */
public record FuzzEndpoint(
        String method, String path, Map<String, String> params, Map<String, String> headers, JsonNode body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<FuzzEndpoint> load(String resource, Map<String, String> variables) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<FuzzEndpoint> endpoints = new ArrayList<>();
            for (JsonNode e : JSON.readTree(in)) {
                endpoints.add(new FuzzEndpoint(
                        e.path("method").asText("GET"),
                        substitute(e.path("path").asText(), variables),
                        strings(e.path("params"), variables),
                        strings(e.path("headers"), variables),
                        e.hasNonNull("body")
                                ? JSON.readTree(substitute(JSON.writeValueAsString(e.get("body")), variables))
                                : null));
            }
            return endpoints;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> strings(JsonNode node, Map<String, String> variables) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields()
                .forEachRemaining(
                        f -> out.put(f.getKey(), substitute(f.getValue().asText(), variables)));
        return out;
    }

    static String substitute(String text, Map<String, String> variables) {
        String out = text;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            out = out.replace("${" + v.getKey() + "}", v.getValue());
        }
        if (out.contains("${")) {
            throw new IllegalStateException("unresolved variable in " + text);
        }
        return out;
    }

    public boolean hasBody() {
        return body != null;
    }

    /** The path with each {param} replaced: the valid value, or {@code override} for the named one. */
    public String resolvedPath(String param, String override) {
        String out = path;
        for (Map.Entry<String, String> p : params.entrySet()) {
            out = out.replace("{" + p.getKey() + "}", p.getKey().equals(param) ? override : p.getValue());
        }
        return out;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
