package com.capidemo.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A tiny JSON-over-HTTP client for the platform API (java.net.http + Jackson). */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String base;
    private final String apiKey;

    public Api(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /** An HTTP answer: status, content type and the body parsed as JSON (MissingNode when it is not JSON). */
    public record Response(int status, String contentType, String body, JsonNode json) {
        public JsonNode get(String field) {
            return json.path(field);
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
    }

    public Response get(String path) {
        return send(request(path).GET(), apiKey);
    }

    public Response delete(String path) {
        return send(request(path).DELETE(), apiKey);
    }

    public Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        headers.forEach(b::header);
        return send(b, apiKey);
    }

    /** POST of raw bytes to any URL, no API key (worker endpoints). */
    public static Response postRaw(String url, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return send(b, null);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    private static Response send(HttpRequest.Builder b, String key) {
        if (key != null) {
            b.header("X-API-Key", key);
        }
        b.header("Accept", "application/json");
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), parse(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    public static String write(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ----- platform calls -----

    /** POST /api/provision/quick; asserts nothing, returns the answer. */
    public Response provisionQuick(String templateId, String customerName) {
        return post("/api/provision/quick", Map.of("template_id", templateId, "customer_name", customerName));
    }

    public Response job(String jobId) {
        return get("/api/provision/status/" + jobId);
    }

    public Response demo(String demoId) {
        return get("/api/demos/" + demoId);
    }

    /**
     * Polls the job every {@code pollMillis} until {@code done} holds, returning every document seen (the last one
     * satisfies {@code done}); fails with the last document after {@code timeout}.
     */
    public List<JsonNode> pollJob(
            String jobId, Predicate<JsonNode> done, Duration timeout, long pollMillis, String what) {
        List<JsonNode> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = job(jobId);
            if (last.status() == 200) {
                seen.add(last.json());
                if (done.test(last.json())) {
                    return seen;
                }
            }
            sleep(pollMillis);
        }
        throw new AssertionError("job " + jobId + " did not reach '" + what + "' within " + timeout.toSeconds()
                + " s; last answer: " + last);
    }

    /** Polls until the job is completed or failed; returns the terminal document. */
    public JsonNode awaitTerminal(String jobId, Duration timeout) {
        List<JsonNode> seen = pollJob(jobId, j -> isTerminal(j), timeout, 100, "completed|failed");
        return seen.get(seen.size() - 1);
    }

    public static boolean isTerminal(JsonNode job) {
        String s = job.path("status").asText();
        return s.equals("completed") || s.equals("failed");
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
