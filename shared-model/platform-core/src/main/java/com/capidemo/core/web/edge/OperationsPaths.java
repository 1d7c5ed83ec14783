package com.capidemo.core.web.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which requests reach an operations endpoint, judged by what the path resolves to rather than how it is spelt: the
 * path is percent-decoded, matrix parameters (";…") and empty segments ("//") are dropped, and names are compared
 * without case. Everything under the non-application root ({@code /q}: metrics, OpenAPI in every format, Swagger UI,
 * anything an extension adds later) is an operations path, except the health checks under {@code /q/health}.
 */
public final class OperationsPaths {

    private static final String OPEN = "health";

    private final String root;

    /** @param nonApplicationRoot Quarkus' non-application root path ("/q" or "q") */
    public OperationsPaths(String nonApplicationRoot) {
        String r = nonApplicationRoot.strip();
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        this.root = r.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code rawPath} (as received, still percent-encoded) resolves to a protected operations endpoint. */
    public boolean isProtected(String rawPath) {
        List<String> segments = segments(rawPath);
        String[] rootSegments = root.isEmpty() ? new String[0] : root.split("/+");
        if (segments.size() < rootSegments.length) {
            return false;
        }
        for (int i = 0; i < rootSegments.length; i++) {
            if (!segments.get(i).equals(rootSegments[i])) {
                return false;
            }
        }
        return !(segments.size() > rootSegments.length
                && segments.get(rootSegments.length).equals(OPEN));
    }

    /** The path's segments as a router resolves them: decoded, lower-cased, without matrix parameters or empties. */
    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String raw : (rawPath == null ? "" : rawPath).split("/")) {
            Optional<String> decoded = RequestShape.decode(raw, false);
            String segment = decoded.orElse(raw);
            int matrix = segment.indexOf(';');
            if (matrix >= 0) {
                segment = segment.substring(0, matrix);
            }
            segment = segment.strip().toLowerCase(Locale.ROOT);
            if (!segment.isEmpty()) {
                out.add(segment);
            }
        }
        return out;
    }
}
