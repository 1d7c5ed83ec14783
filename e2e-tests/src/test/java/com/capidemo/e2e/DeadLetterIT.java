package com.capidemo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A push endpoint that always answers 500: the dispatcher retries with backoff, gives up after the maximum
 * delivery attempts, dead-letters the message and fails the job and its demo with the reason.
 */
class DeadLetterIT {

    /** One request the stub received. */
    record Received(Instant at, String path, Map<String, List<String>> headers, String body) {}

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer stub;
    private static PlatformProcess platform;

    @BeforeAll
    static void start() throws IOException {
        stub = HttpServer.create(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), PlatformProcess.freePort()), 16);
        stub.setExecutor(Executors.newFixedThreadPool(4));
        stub.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new Received(
                    Instant.now(), exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            byte[] answer = "{\"error\":\"stub always fails\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(500, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        stub.start();
        String endpoint = "http://127.0.0.1:" + stub.getAddress().getPort() + "/pubsub/push";
        platform = PlatformProcess.start(
                "deadletter",
                Map.of(
                        "PLATFORM_QUEUE_QUICK_PUSH_ENDPOINT", endpoint,
                        "PLATFORM_QUEUE_QUICK_MIN_BACKOFF", "200ms",
                        "PLATFORM_QUEUE_QUICK_MAX_BACKOFF", "500ms",
                        "PLATFORM_QUEUE_QUICK_MAX_DELIVERY_ATTEMPTS", "3"));
    }

    @AfterAll
    static void stop() {
        try {
            if (platform != null) {
                platform.down();
            }
        } finally {
            if (stub != null) {
                stub.stop(0);
            }
        }
    }

    @Test
    void aMessageThePushEndpointKeepsRefusingIsDeadLetteredAndTheJobFails() {
        Api api = platform.api();
        RECEIVED.clear();
        Api.Response accepted = api.provisionQuick("shopify", "Dead Letter Co");
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String jobId = accepted.get("job_id").asText();
        String demoId = accepted.get("demo_id").asText();

        List<JsonNode> seen = api.pollJob(
                jobId,
                j -> "failed".equals(j.path("status").asText())
                        || "completed".equals(j.path("status").asText()),
                Duration.ofSeconds(30),
                50,
                "failed");
        JsonNode failed = seen.get(seen.size() - 1);
        assertThat(failed.path("status").asText()).as("%s", failed).isEqualTo("failed");
        String error = failed.path("error").asText();
        assertThat(error).contains("dead-lettered after 3 delivery attempts").contains("500");
        // Nothing ever reached a worker, so the job was never claimed.
        assertThat(failed.path("attempts").asInt()).as("claims").isZero();

        Api.sleep(1500); // no delivery may follow the dead-lettering
        assertThat(RECEIVED).as("requests the stub received").hasSize(3);
        String secret = platform.workerSecret();
        String messageId = null;
        for (Received r : RECEIVED) {
            assertThat(r.path()).isEqualTo("/pubsub/push");
            assertThat(header(r, "X-worker-secret"))
                    .as("X-Worker-Secret header")
                    .isEqualTo(secret);
            assertThat(header(r, "Content-type")).startsWith("application/json");
            JsonNode envelope = Api.parse(r.body());
            JsonNode message = envelope.path("message");
            assertThat(message.isObject()).as("envelope %s", r.body()).isTrue();
            assertThat(envelope.path("subscription").asText())
                    .as("subscription")
                    .isNotBlank();
            String id = message.path("messageId").asText();
            assertThat(id).isNotBlank();
            if (messageId == null) {
                messageId = id;
            }
            assertThat(id).as("every attempt redelivers the same message").isEqualTo(messageId);
            Instant.parse(message.path("publishTime").asText()); // RFC 3339
            assertThat(message.path("attributes").isObject()).isTrue();
            JsonNode data = Api.parse(
                    new String(Base64.getDecoder().decode(message.path("data").asText()), StandardCharsets.UTF_8));
            assertThat(data.path("job_id").asText()).isEqualTo(jobId);
            assertThat(data.path("demo_id").asText()).isEqualTo(demoId);
            assertThat(data.path("tenant_id").asText()).isEqualTo(platform.tenant());
            assertThat(data.path("type").asText()).isEqualTo("quick");
            assertThat(data.path("template_id").asText()).isEqualTo("shopify");
        }
        // Retries were spaced by the backoff (200 ms, then 400 ms; small tolerance for timer granularity).
        long gap1 = Duration.between(RECEIVED.get(0).at(), RECEIVED.get(1).at()).toMillis();
        long gap2 = Duration.between(RECEIVED.get(1).at(), RECEIVED.get(2).at()).toMillis();
        assertThat(gap1).as("first retry delay ms").isGreaterThanOrEqualTo(150);
        assertThat(gap2).as("second retry delay ms").isGreaterThanOrEqualTo(300);

        JsonNode demo = api.demo(demoId).json();
        assertThat(demo.path("status").asText()).as("demo %s", demo).isEqualTo("failed");
        assertThat(platform.datasets())
                .as("no dataset for a job that never ran")
                .doesNotContain(demoId);
    }

    private static String header(Received r, String name) {
        return r.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }
}
