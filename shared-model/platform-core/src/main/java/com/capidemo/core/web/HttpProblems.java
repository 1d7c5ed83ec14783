package com.capidemo.core.web;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stable type, title and a fixed detail for an HTTP status that was not raised by our own code (a framework's
 * 404/405/415, a Vert.x 413): the same problem whichever layer produced it, and no framework message in it.
 */
public final class HttpProblems {

    private static final Map<Integer, String> DETAILS = Map.ofEntries(
            Map.entry(400, "The request is malformed"),
            Map.entry(401, "The request is not authenticated"),
            Map.entry(403, "The request is not allowed"),
            Map.entry(404, "No resource at this path"),
            Map.entry(405, "This method is not allowed on this path"),
            Map.entry(406, "This resource answers application/json only"),
            Map.entry(408, "The request took too long to arrive"),
            Map.entry(411, "A request body needs a Content-Length or chunked transfer encoding"),
            Map.entry(413, "The request body is too large"),
            Map.entry(414, "The request URI is too long"),
            Map.entry(415, "Request bodies must be application/json in UTF-8"),
            Map.entry(429, "Too many requests; retry after the time in Retry-After"),
            Map.entry(431, "The request headers are too large"));

    private HttpProblems() {}

    public static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null
                ? switch (status) {
                    case 422 -> "Unprocessable Content";
                    case 431 -> "Request Header Fields Too Large";
                    default -> "HTTP " + status;
                }
                : known.getReasonPhrase();
    }

    public static String slug(int status) {
        return title(status)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    public static String detail(int status) {
        return DETAILS.getOrDefault(status, "The request could not be completed");
    }

    /** The problem for a bare status, e.g. for a failure below JAX-RS. */
    public static Problem of(int status, String path) {
        return Problem.of(status, slug(status), title(status), detail(status), path, List.of());
    }
}
