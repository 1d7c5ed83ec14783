package com.capidemo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The HTTP calls the chat and custom benchmarks make, with the tenant's API key. */
final class BenchClient {

    private final String url;
    private final String apiKey;
    /** When set, a 5xx answer ends the benchmark instead of being counted by the caller. */
    private final boolean failOnServerError;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    BenchClient(String url, String apiKey, boolean failOnServerError) {
        this.url = url;
        this.apiKey = apiKey;
        this.failOnServerError = failOnServerError;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url + path))
                .header("X-API-Key", apiKey)
                .GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url + path))
                .header("X-API-Key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r =
                    http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (failOnServerError && r.statusCode() >= 500) {
                throw new IllegalStateException(
                        r.request().uri() + " → HTTP " + r.statusCode() + " " + Json.abbreviate(r.body()));
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
