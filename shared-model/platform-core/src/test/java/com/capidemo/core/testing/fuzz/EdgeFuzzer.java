package com.capidemo.core.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Table-driven fuzzing of a service's edge: for every endpoint, dozens of malformed variants (invalid JSON, wrong
 * types, nulls, duplicate keys, huge and control-character strings, deep nesting, wrong content types and charsets,
 * traversal and bad escapes in path params, bad queries, oversized headers, URIs and bodies, wrong methods, missing
 * credentials), sent byte for byte. Every answer must be below 500, and every error problem+json with a stable type
 * and without a Java class name. {@link #report} tells the counts per endpoint and status.
 */
public final class EdgeFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE_BASE = "https://capi-demo.dev/problems/";
    private static final Pattern CLASS_NAME = Pattern.compile(
            "(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b|\\$[A-Z]");

    private final String host;
    private final int port;
    private final Map<String, Map<Integer, Integer>> outcomes = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private int requests;

    public EdgeFuzzer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A named request: head (request line and headers) and body bytes. */
    record Variant(
            String name, String method, String target, Map<String, String> headers, byte[] body, boolean chunked) {}

    /** Variants every endpoint gets at least. */
    public static final int MIN_VARIANTS = 30;

    /**
     * Fuzzes every endpoint of a service's {@code fuzz-endpoints.json} on localhost and writes the report.
     *
     * @return the fuzzer, whose {@link #violations()} must be empty
     */
    public static EdgeFuzzer run(String service, int port, Map<String, String> variables) {
        EdgeFuzzer fuzzer = new EdgeFuzzer("localhost", port);
        for (FuzzEndpoint endpoint : FuzzEndpoint.load("fuzz-endpoints.json", variables)) {
            int variants = fuzzer.variantsPer(endpoint);
            if (variants < MIN_VARIANTS) {
                throw new IllegalStateException(endpoint + " has only " + variants + " variants");
            }
            fuzzer.fuzz(endpoint);
        }
        fuzzer.fuzzRequestLines();
        fuzzer.report(service);
        return fuzzer;
    }

    /** Operations paths in every spelling a router resolves to the same endpoint. */
    static final List<String> OPERATIONS_SPELLINGS = List.of(
            "/q/metrics",
            "/q/openapi",
            "/q/openapi.json",
            "/q/openapi.yaml",
            "/q/openapi.yml",
            "//q/openapi",
            "/q//openapi",
            "//q/metrics",
            "/q//metrics",
            "/q/metrics/",
            "/%71/metrics",
            "/q/%6Fpenapi",
            "/q;x=1/openapi",
            "/Q/metrics",
            "///q///openapi.json");

    /**
     * Requests malformed below any endpoint, once per service and sent byte for byte: operations paths in every
     * spelling (each must be 401 without the admin token: every suite runs with {@code platform.edge.ops-protected}
     * as in prod), raw bytes outside ASCII (invalid UTF-8) in the path and query, a control character in a header value
     * (every C0 but tab, and DEL), spaces and tabs inside the request target. The last two are not HTTP/1.1 at all:
     * the HTTP codec refuses them before the application, and the service's edge listener must answer them as
     * problem+json with the security headers like every other refusal (a bare 400 is a violation).
     */
    public void fuzzRequestLines() {
        String endpoint = "(request line and headers)";
        for (String path : OPERATIONS_SPELLINGS) {
            RawHttp.Response r = rawVariant(endpoint, "ops-path " + path, ascii("GET " + path + " HTTP/1.1\r\n"));
            if (r.status() != 401) {
                violations.add(endpoint + " [ops-path " + path + "] → " + r.status()
                        + ": an operations path without the admin token must be 401 (suites run with the prod edge)");
            }
        }
        byte[][] targets = {
            bytes("GET /api/demos?q="), {(byte) 0xE9}, bytes(" HTTP/1.1\r\n"),
            bytes("GET /api/demos?q=caf"), {(byte) 0xC3, (byte) 0x28}, bytes(" HTTP/1.1\r\n"),
            bytes("GET /api/"), {(byte) 0xFF, (byte) 0xFE}, bytes(" HTTP/1.1\r\n"),
            bytes("GET /q/metrics?x="), {(byte) 0x80}, bytes(" HTTP/1.1\r\n")
        };
        for (int i = 0; i < targets.length; i += 3) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            line.writeBytes(targets[i]);
            line.writeBytes(targets[i + 1]);
            line.writeBytes(targets[i + 2]);
            rawVariant(endpoint, "raw-non-ascii-" + (i / 3), line.toByteArray());
        }
        for (int c = 0; c < 0x20; c++) {
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            rawHeader(endpoint, "header-ctl-0x" + Integer.toHexString(c), "X-J: a" + (char) c + "b");
        }
        rawHeader(endpoint, "header-ctl-0x7f", "X-J: a\u007fb");
        rawHeader(endpoint, "header-ctl-lead", "X-J: \u0001");
        rawHeader(endpoint, "header-name-space", "X J: a");
        for (String target :
                List.of("/api/demos?q=a b", "/api/demos?q=a\tb", "/api/ demos", "/q/metrics x", "/api/demos?q=a  b")) {
            rawVariant(
                    endpoint,
                    "request-line-space " + target.replace("\t", "\\t"),
                    ascii("GET " + target + " HTTP/1.1\r\n"));
        }
        // What the codec refused closed only that connection: the service goes on answering.
        RawHttp.Response live = RawHttp.send(
                host,
                port,
                ascii("GET /q/health/live HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"),
                null);
        requests++;
        if (live.status() != 200) {
            violations.add(endpoint + " [liveness after the malformed requests] → " + live.status());
        }
    }

    private RawHttp.Response rawHeader(String endpoint, String name, String header) {
        return rawVariant(endpoint, name, ascii("GET /api/templates HTTP/1.1\r\n" + header + "\r\n"));
    }

    /** Sends one request head of raw bytes and checks the answer as any other (problem+json, never a 5xx). */
    private RawHttp.Response rawVariant(String endpoint, String name, byte[] requestLine) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(requestLine);
        head.writeBytes(ascii("Host: " + host + ":" + port + "\r\nConnection: close\r\n\r\n"));
        RawHttp.Response r = RawHttp.send(host, port, head.toByteArray(), null);
        requests++;
        outcomes.computeIfAbsent(endpoint, k -> new TreeMap<>()).merge(r.status(), 1, Integer::sum);
        check(endpoint, new Variant(name, "GET", "", Map.of(), null, false), r);
        return r;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public void fuzz(FuzzEndpoint endpoint) {
        for (Variant v : variants(endpoint)) {
            RawHttp.Response r = RawHttp.send(host, port, head(v), v.chunked() ? chunk(v.body()) : v.body());
            requests++;
            outcomes.computeIfAbsent(endpoint.toString(), k -> new TreeMap<>()).merge(r.status(), 1, Integer::sum);
            check(endpoint, v, r);
        }
    }

    public int requests() {
        return requests;
    }

    public List<String> violations() {
        return violations;
    }

    public int variantsPer(FuzzEndpoint endpoint) {
        return variants(endpoint).size();
    }

    private void check(Object endpoint, Variant v, RawHttp.Response r) {
        String where = endpoint + " [" + v.name() + "] → " + r.status();
        if (r.status() == 0) {
            violations.add(where + ": no HTTP answer (" + r.body() + ")");
            return;
        }
        if (r.status() >= 500) {
            violations.add(where + ": server error " + r.body());
            return;
        }
        if (CLASS_NAME.matcher(r.body()).find()) {
            violations.add(where + ": body names a class: " + abbreviate(r.body()));
        }
        if (r.status() < 400 || v.method().equals("HEAD")) {
            return; // a HEAD answer has the headers of the GET and no body
        }
        String type = r.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            violations.add(where + ": error with Content-Type " + type + " and body '" + abbreviate(r.body()) + "'");
            return;
        }
        try {
            JsonNode problem = JSON.readTree(r.body());
            if (!problem.path("type").asText().matches(Pattern.quote(TYPE_BASE) + "[a-z0-9-]+")
                    || problem.path("status").asInt() != r.status()) {
                violations.add(where + ": problem without a stable type or matching status: " + abbreviate(r.body()));
            }
        } catch (IOException e) {
            violations.add(where + ": problem body is not JSON: " + abbreviate(r.body()));
        }
    }

    List<Variant> variants(FuzzEndpoint e) {
        List<Variant> out = new ArrayList<>();
        String target = e.resolvedPath(null, null);
        boolean post = e.hasBody();
        String valid = post ? e.body().toString() : null;
        if (post) {
            body(out, e, "invalid-json", "{");
            body(out, e, "invalid-json-value", "{\"a\":}");
            body(out, e, "trailing-garbage", valid + " {}");
            body(out, e, "empty-body", "");
            body(out, e, "literal-null", "null");
            body(out, e, "array-body", "[]");
            body(out, e, "string-body", "\"x\"");
            body(out, e, "number-body", "42");
            body(out, e, "deep-array", "[".repeat(5000));
            body(out, e, "deep-object", "{\"a\":".repeat(200) + "1" + "}".repeat(200));
            body(out, e, "bom", "\uFEFF" + valid);
            out.add(new Variant(
                    "utf16le-body", e.method(), target, json(e), valid.getBytes(StandardCharsets.UTF_16LE), false));
            out.add(new Variant(
                    "utf16-bom-body", e.method(), target, json(e), valid.getBytes(StandardCharsets.UTF_16), false));
            out.add(typed(e, "merge-patch-json", "application/merge-patch+json", valid));
            out.add(new Variant(
                    "invalid-utf8",
                    e.method(),
                    target,
                    json(e),
                    new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                    false));
            body(
                    out,
                    e,
                    "extra-field",
                    withField(e.body(), "zz_unknown", JSON.getNodeFactory().numberNode(1)));
            Iterator<String> names = e.body().fieldNames();
            List<String> fields = new ArrayList<>();
            names.forEachRemaining(fields::add);
            if (!fields.isEmpty()) {
                String first = fields.get(0);
                String firstValue = e.body().get(first).toString();
                body(out, e, "duplicate-key", "{\"" + first + "\":" + firstValue + "," + valid.substring(1));
            }
            for (String field : fields.subList(0, Math.min(3, fields.size()))) {
                ObjectNode n = JSON.getNodeFactory().objectNode();
                body(out, e, field + ":number", withField(e.body(), field, n.numberNode(12345)));
                body(out, e, field + ":boolean", withField(e.body(), field, n.booleanNode(true)));
                body(
                        out,
                        e,
                        field + ":object",
                        withField(e.body(), field, n.objectNode().put("a", 1)));
                body(
                        out,
                        e,
                        field + ":array",
                        withField(e.body(), field, n.arrayNode().add("a")));
                body(out, e, field + ":null", withField(e.body(), field, n.nullNode()));
                body(out, e, field + ":huge", withField(e.body(), field, n.textNode("x".repeat(200_000))));
                body(out, e, field + ":nul", withField(e.body(), field, n.textNode("Nul\u0000Co")));
                body(out, e, field + ":escape", withField(e.body(), field, n.textNode("A\u001b[31mB")));
                body(out, e, field + ":c1", withField(e.body(), field, n.textNode("A\u0085B\u007f")));
                body(
                        out,
                        e,
                        field + ":huge-number",
                        withField(e.body(), field, n.numberNode(new java.math.BigInteger("9".repeat(400)))));
                body(out, e, field + ":sql", withField(e.body(), field, n.textNode("x'; DROP TABLE jobs; --")));
            }
            out.add(typed(e, "no-content-type", null, valid));
            out.add(typed(e, "text-plain", "text/plain", valid));
            out.add(typed(e, "xml", "application/xml", "<a/>"));
            out.add(typed(e, "form", "application/x-www-form-urlencoded", "a=b"));
            out.add(typed(e, "multipart", "multipart/form-data; boundary=x", "--x--"));
            out.add(typed(e, "charset-latin1", "application/json; charset=ISO-8859-1", valid));
            out.add(typed(e, "charset-unknown", "application/json; charset=foo", valid));
            out.add(typed(e, "content-type-garbage", ";;;==", valid));
            byte[] big = ("{\"a\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            out.add(new Variant("oversized-body", e.method(), target, json(e), big, false));
            out.add(new Variant("oversized-chunked-body", e.method(), target, json(e), big, true));
        }
        for (String param : e.params().keySet()) {
            for (Map.Entry<String, String> bad : Map.of(
                            "traversal",
                            "..%2F..%2Fetc%2Fpasswd",
                            "dot-dot",
                            "..",
                            "encoded-dots",
                            "%2e%2e",
                            "nul",
                            "a%00b",
                            "bad-escape",
                            "a%zz",
                            "overlong",
                            "a".repeat(3000),
                            "invalid-utf8",
                            "%C3%28",
                            "unicode",
                            "caf%C3%A9",
                            "backslash",
                            "a%5Cb",
                            "control",
                            "a%1Bb")
                    .entrySet()) {
                out.add(new Variant(
                        param + ":" + bad.getKey(),
                        e.method(),
                        e.resolvedPath(param, bad.getValue()),
                        post ? json(e) : e.headers(),
                        post ? bytes(valid) : null,
                        false));
            }
        }
        Map<String, String> base = post ? json(e) : e.headers();
        byte[] validBytes = post ? bytes(valid) : null;
        String[][] queries = {
            {"bad-query-escape", "x=%zz"},
            {"query-nul", "x=a%00b"},
            {"query-escape-char", "x=a%1Bb"},
            {"query-invalid-utf8", "x=%C3%28"},
            {"query-lone-percent", "%"},
            {"query-brackets", "a[]=x&a[b]=y"},
            {"query-negative-limit", "limit=-1"},
            {"query-text-limit", "limit=abc"},
            {"query-huge-limit", "limit=99999999999999999999"},
            {"query-many-params", "a=1&".repeat(900)},
            {"long-query", "x=" + "q".repeat(20_000)},
            {"query-traversal", "file=..%2F..%2Fetc%2Fpasswd"}
        };
        for (String[] q : queries) {
            out.add(new Variant(q[0], e.method(), target + "?" + q[1], base, validBytes, false));
        }
        String[][] paths = {
            {"long-uri", target + "/" + "u".repeat(20_000)},
            {"trailing-slash", target + "/"},
            {"double-slash", target.replaceFirst("/", "//")},
            {"dot-segment", target + "/."},
            {"dot-dot-segment", target + "/../.."},
            {"encoded-slash-suffix", target + "%2F"},
            {"matrix-param", target + ";jsessionid=x"},
            {"encoded-dot-dot-suffix", target + "/%2e%2e/%2e%2e"}
        };
        for (String[] p : paths) {
            out.add(new Variant(p[0], e.method(), p[1], base, validBytes, false));
        }
        Map<String, String> bigHeader = new LinkedHashMap<>(base);
        bigHeader.put("X-Big", "h".repeat(100_000));
        out.add(new Variant("huge-header", e.method(), target, bigHeader, validBytes, false));
        Map<String, String> manyHeaders = new LinkedHashMap<>(base);
        for (int i = 0; i < 400; i++) {
            manyHeaders.put("X-Many-" + i, "v".repeat(60));
        }
        out.add(new Variant("many-headers", e.method(), target, manyHeaders, validBytes, false));
        Map<String, String> xml = new LinkedHashMap<>(base);
        xml.put("Accept", "application/xml");
        out.add(new Variant("accept-xml", e.method(), target, xml, validBytes, false));
        Map<String, String> html = new LinkedHashMap<>(base);
        html.put("Accept", "text/html");
        out.add(new Variant("accept-html", e.method(), target, html, validBytes, false));
        Map<String, String> range = new LinkedHashMap<>(base);
        range.put("Range", "bytes=0-1,5-9999999999");
        out.add(new Variant("range", e.method(), target, range, validBytes, false));
        out.add(new Variant(
                "no-credentials",
                e.method(),
                target,
                post ? Map.of("Content-Type", "application/json") : Map.of(),
                validBytes,
                false));
        Map<String, String> wrong = new LinkedHashMap<>(base);
        wrong.replaceAll((k, v) -> k.equalsIgnoreCase("content-type") ? v : v + "-wrong");
        out.add(new Variant("wrong-credentials", e.method(), target, wrong, validBytes, false));
        Map<String, String> longCredential = new LinkedHashMap<>(base);
        longCredential.replaceAll(
                (k, v) -> k.toLowerCase(java.util.Locale.ROOT).startsWith("x-") ? "k".repeat(12_000) : v);
        out.add(new Variant("long-credentials", e.method(), target, longCredential, validBytes, false));
        out.add(new Variant("wrong-method", post ? "PUT" : "DELETE", target, base, validBytes, false));
        out.add(new Variant("unknown-method", "BREW", target, base, validBytes, false));
        out.add(new Variant("options", "OPTIONS", target, base, null, false));
        out.add(new Variant("head", "HEAD", target, base, null, false));
        if (!post) {
            Map<String, String> withBody = new LinkedHashMap<>(base);
            withBody.put("Content-Type", "application/json");
            out.add(new Variant("get-with-json-body", e.method(), target, withBody, bytes("{\"a\":1}"), false));
            out.add(new Variant("get-with-untyped-body", e.method(), target, base, bytes("garbage"), false));
        }
        return out;
    }

    private static void body(List<Variant> out, FuzzEndpoint e, String name, String body) {
        out.add(new Variant(name, e.method(), e.resolvedPath(null, null), json(e), bytes(body), false));
    }

    private static Variant typed(FuzzEndpoint e, String name, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>(e.headers());
        headers.remove("Content-Type");
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new Variant(name, e.method(), e.resolvedPath(null, null), headers, bytes(body), false);
    }

    private static Map<String, String> json(FuzzEndpoint e) {
        Map<String, String> headers = new LinkedHashMap<>(e.headers());
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static String withField(JsonNode body, String field, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        copy.set(field, value);
        return copy.toString();
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] head(Variant v) {
        StringBuilder s =
                new StringBuilder(v.method()).append(' ').append(v.target()).append(" HTTP/1.1\r\n");
        s.append("Host: ").append(host).append(':').append(port).append("\r\n");
        s.append("Connection: close\r\n");
        v.headers().forEach((k, val) -> s.append(k).append(": ").append(val).append("\r\n"));
        if (v.chunked()) {
            s.append("Transfer-Encoding: chunked\r\n");
        } else if (v.body() != null) {
            s.append("Content-Length: ").append(v.body().length).append("\r\n");
        }
        return s.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] chunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size = 64 * 1024;
        for (int i = 0; i < body.length; i += size) {
            int n = Math.min(size, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** Requests and outcomes per endpoint and status, printed and written to {@code target/fuzz/{service}.md}. */
    public String report(String service) {
        StringBuilder s = new StringBuilder(
                "# Edge fuzz: " + service + "\n\n" + requests + " requests, " + violations.size()
                        + " violations (5xx, non-problem errors, class names)\n\n| endpoint | requests | statuses |\n|---|---:|---|\n");
        outcomes.forEach((endpoint, statuses) -> s.append("| ")
                .append(endpoint)
                .append(" | ")
                .append(statuses.values().stream().mapToInt(Integer::intValue).sum())
                .append(" | ")
                .append(statuses)
                .append(" |\n"));
        Map<Integer, Integer> total = new TreeMap<>();
        outcomes.values().forEach(m -> m.forEach((k, v) -> total.merge(k, v, Integer::sum)));
        s.append("\nAll statuses: ").append(total).append('\n');
        violations.forEach(v -> s.append("- ").append(v).append('\n'));
        try {
            Path dir = Path.of("target", "fuzz");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(service + ".md"), s.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(s);
        return s.toString();
    }
}
