package com.capidemo.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A local HTTP server for transport-level fakes of Google's REST APIs: it records every request, can be told to
 * fail the next matching requests (to exercise the clients' retries), and hands the rest to a route function.
 */
public final class FakeHttpServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    public record Request(
            String method, String path, Map<String, String> params, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Response json(int status, Object body) {
            try {
                return new Response(status, "application/json; charset=UTF-8", JSON.writeValueAsBytes(body), Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static Response empty(int status) {
            return new Response(status, null, new byte[0], Map.of());
        }

        /** Google's JSON error body, whose reason the clients use to decide on a retry. */
        public static Response error(int status, String reason, String message) {
            Map<String, Object> detail = Map.of("domain", "global", "reason", reason, "message", message);
            return json(status, Map.of("error", Map.of("code", status, "message", message, "errors", List.of(detail))));
        }

        public Response withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, contentType, body, h);
        }
    }

    public interface Routes {
        Response handle(Request request) throws Exception;
    }

    private record Fault(String method, String pathRegex, Response response) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();

    public FakeHttpServer(Routes routes) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Response response;
            try {
                Request request = read(exchange);
                requests.add(request);
                Response injected = fault(request);
                response = injected != null ? injected : routes.handle(request);
            } catch (Exception e) {
                e.printStackTrace();
                response = Response.error(500, "internalError", "fake failed: " + e);
            }
            try (exchange) {
                write(exchange, response);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method, String pathRegex) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().matches(pathRegex))
                .toList();
    }

    /** The next request matching method and path gets this error instead of its answer. */
    public synchronized void failNext(String method, String pathRegex, int status, String reason, String message) {
        faults.add(new Fault(method, pathRegex, Response.error(status, reason, message)));
    }

    private synchronized Response fault(Request request) {
        for (Fault f : faults) {
            if (f.method().equals(request.method()) && request.path().matches(f.pathRegex())) {
                faults.remove(f);
                return f.response();
            }
        }
        return null;
    }

    private static Request read(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), value);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        if ("gzip".equals(headers.get("content-encoding"))) { // the google clients gzip JSON bodies
            body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        // The raw path keeps %2F inside GCS object names: routes split on '/' first, then decode each segment.
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), params, headers, body);
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean noBody = response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            exchange.getResponseBody().write(response.body());
        }
    }

    public static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
