package com.capidemo.core.web.edge;

import com.capidemo.core.json.UserText;
import com.capidemo.core.web.HttpProblems;
import com.capidemo.core.web.Problem;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The shape every request must have before any endpoint sees it, checked once at the edge of every service: URI,
 * header and body size (414, 431, 413), a request target in printable ASCII whose path and query decode cleanly as
 * UTF-8 without control characters, encoded slashes or dot segments (400), and a body declared as application/json in
 * UTF-8 (415; {@link Utf8Bodies} then refuses a body that is not UTF-8 or starts with a byte order mark). Each failure is a problem with a stable type.
 */
public final class RequestShape {

    private RequestShape() {}

    /** What the check needs to know about a request (so it runs without a server in unit tests). */
    public record Request(HttpMethod method, String uri, String path, String query, MultiMap headers) {}

    public record Limits(int maxUriLength, int maxHeaderBytes, int maxPathSegment, long maxBodyBytes) {}

    public static Optional<Problem> check(Request r, Limits limits) {
        String path = r.path() == null ? "/" : r.path();
        if (r.uri() != null && r.uri().length() > limits.maxUriLength()) {
            return problem(414, path, "the request URI is longer than " + limits.maxUriLength() + " characters");
        }
        if (r.uri() != null && r.uri().chars().anyMatch(c -> c <= 0x20 || c >= 0x7F)) {
            return malformed(path, "the request target has bytes outside printable ASCII; percent-encode them (UTF-8)");
        }
        if (r.uri() != null && !isUri(r.uri())) {
            return malformed(path, "the request URI is not a valid URI (RFC 3986)");
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> h : r.headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headerBytes > limits.maxHeaderBytes()) {
            return problem(431, path, "the request headers are larger than " + limits.maxHeaderBytes() + " bytes");
        }
        Optional<Problem> body = bodySize(r, path, limits);
        if (body.isPresent()) {
            return body;
        }
        Optional<String> badPath = pathProblem(path, limits.maxPathSegment());
        if (badPath.isPresent()) {
            return malformed(path, badPath.get());
        }
        if (r.query() != null && !r.query().isEmpty()) {
            Optional<String> badQuery = queryProblem(r.query());
            if (badQuery.isPresent()) {
                return malformed(path, badQuery.get());
            }
        }
        return contentType(r, path);
    }

    /** Quarkus' own URI check (java.net.URI), which it skips because this one answers problem+json. */
    static boolean isUri(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Optional<Problem> bodySize(Request r, String path, Limits limits) {
        String length = r.headers().get("Content-Length");
        if (length == null) {
            return Optional.empty();
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return malformed(path, "Content-Length is not a number");
        }
        if (bytes > limits.maxBodyBytes()) {
            return problem(413, path, "the request body is larger than " + limits.maxBodyBytes() + " bytes");
        }
        return Optional.empty();
    }

    static Optional<String> pathProblem(String rawPath, int maxSegment) {
        for (String segment : rawPath.split("/", -1)) {
            String lower = segment.toLowerCase(Locale.ROOT);
            if (lower.contains("%2f") || lower.contains("%5c") || segment.contains("\\")) {
                return Optional.of("the path contains an encoded slash or a backslash");
            }
            Optional<String> decoded = decode(segment, false);
            if (decoded.isEmpty()) {
                return Optional.of("the path is not valid percent-encoded UTF-8");
            }
            String value = decoded.get();
            if (value.equals(".") || value.equals("..")) {
                return Optional.of("the path contains a dot segment");
            }
            if (value.chars().anyMatch(UserText::isControlOrLineBreak)) {
                return Optional.of("the path contains control characters");
            }
            if (value.length() > maxSegment) {
                return Optional.of("a path segment is longer than " + maxSegment + " characters");
            }
        }
        return Optional.empty();
    }

    static Optional<String> queryProblem(String rawQuery) {
        for (String pair : rawQuery.split("&")) {
            Optional<String> decoded = decode(pair, true);
            if (decoded.isEmpty()) {
                return Optional.of("the query string is not valid percent-encoded UTF-8");
            }
            if (decoded.get().chars().anyMatch(UserText::isControlOrLineBreak)) {
                return Optional.of("the query string contains control characters");
            }
        }
        return Optional.empty();
    }

    /** Strict percent-decoding: every '%' starts two hex digits and the bytes are well-formed UTF-8. */
    static Optional<String> decode(String raw, boolean plusIsSpace) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (plusIsSpace && c == '+') {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** A request with a body must say it is JSON, in UTF-8 when it names a charset; Quarkus' own /q/ pages excepted. */
    private static Optional<Problem> contentType(Request r, String path) {
        if (path.startsWith("/q/") || !hasBody(r.headers())) {
            return Optional.empty();
        }
        String type = r.headers().get("Content-Type");
        if (type == null || !isJsonUtf8(type)) {
            return problem(415, path, "request bodies must be sent as Content-Type: application/json (UTF-8)");
        }
        return Optional.empty();
    }

    private static boolean hasBody(MultiMap headers) {
        String length = headers.get("Content-Length");
        if (length != null) {
            return !length.strip().equals("0");
        }
        return headers.contains("Transfer-Encoding");
    }

    /**
     * Exactly {@code application/json}, with no charset or UTF-8. Other JSON media types ({@code application/*+json},
     * such as merge-patch) carry other semantics that no endpoint implements, so they are refused everywhere alike.
     */
    static boolean isJsonUtf8(String contentType) {
        String[] parts = contentType.split(";");
        String media = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv[0].strip().equalsIgnoreCase("charset")) {
                String charset = kv.length < 2 ? "" : kv[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Optional<Problem> malformed(String path, String detail) {
        return Optional.of(Problem.of(400, "malformed-request", "Malformed request", detail, safe(path), List.of()));
    }

    private static Optional<Problem> problem(int status, String path, String detail) {
        return Optional.of(Problem.of(
                status, HttpProblems.slug(status), HttpProblems.title(status), detail, safe(path), List.of()));
    }

    /** The raw path is echoed only when it is printable (it is percent-encoded, so it normally is). */
    private static String safe(String path) {
        return path.chars().anyMatch(UserText::isControlOrLineBreak) ? null : path;
    }
}
