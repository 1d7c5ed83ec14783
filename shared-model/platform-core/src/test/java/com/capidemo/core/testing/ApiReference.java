package com.capidemo.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP reference {@code docs/api.md} against what a service serves: the endpoint rows of the service's section
 * ({@code ## {service} ...} up to the next {@code ## } heading; a row starts with {@code | `METHOD /path`}) must be
 * exactly the path and method pairs of the service's OpenAPI document. Each service's {@code ApiReferenceTest} calls
 * {@link #assertMatches}, so the reference cannot fall behind the code.
 */
public final class ApiReference {

    /** One method on one path, as the OpenAPI document spells the path. */
    public record Endpoint(String method, String path) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint o) {
            int byPath = path.compareTo(o.path);
            return byPath != 0 ? byPath : method.compareTo(o.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Pattern ROW =
            Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (/[^`\\s?\\[]*)`");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    private ApiReference() {}

    /** {@code docs/api.md} of this checkout, found from the working directory (a module's folder) upwards. */
    public static Path file() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("api.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "docs/api.md not found above " + Path.of("").toAbsolutePath());
    }

    /** The endpoint rows of one service's section; an error when the file has no such section. */
    public static Set<Endpoint> documented(String markdown, String service) {
        Set<Endpoint> rows = new TreeSet<>();
        boolean inSection = false;
        boolean found = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                inSection = line.substring(3).trim().split("\\s+")[0].equals(service);
                found |= inSection;
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (inSection && m.find()) {
                rows.add(new Endpoint(m.group(1), m.group(2)));
            }
        }
        if (!found) {
            throw new AssertionError("docs/api.md has no section '## " + service + "'");
        }
        return rows;
    }

    /** Every path and method of an OpenAPI document (JSON). */
    public static Set<Endpoint> served(String openApiJson) {
        try {
            JsonNode paths = new ObjectMapper().readTree(openApiJson).path("paths");
            Set<Endpoint> served = new TreeSet<>();
            for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
                String path = it.next();
                for (Iterator<String> ops = paths.get(path).fieldNames(); ops.hasNext(); ) {
                    String op = ops.next();
                    if (METHODS.contains(op)) {
                        served.add(new Endpoint(op.toUpperCase(Locale.ROOT), path));
                    }
                }
            }
            return served;
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI document in JSON", e);
        }
    }

    /** Fails naming every endpoint served but not documented, and every documented one not served. */
    public static void assertMatches(String openApiJson, String markdown, String service) {
        Set<Endpoint> served = served(openApiJson);
        Set<Endpoint> documented = documented(markdown, service);
        if (served.isEmpty()) {
            throw new AssertionError("the OpenAPI document of " + service + " lists no endpoint");
        }
        Set<Endpoint> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<Endpoint> stale = new TreeSet<>(documented);
        stale.removeAll(served);
        if (!undocumented.isEmpty() || !stale.isEmpty()) {
            throw new AssertionError("docs/api.md, section '" + service + "', does not match /q/openapi:"
                    + (undocumented.isEmpty() ? "" : "\n  served but not documented: " + undocumented)
                    + (stale.isEmpty() ? "" : "\n  documented but not served: " + stale));
        }
    }

    /** {@link #assertMatches(String, String, String)} against this checkout's {@code docs/api.md}. */
    public static void assertMatches(String openApiJson, String service) {
        try {
            assertMatches(openApiJson, Files.readString(file()), service);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
