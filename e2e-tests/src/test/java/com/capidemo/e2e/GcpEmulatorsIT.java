package com.capidemo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole platform in gcp mode, as {@code ./platform up --gcp-emulators} runs it: the stores on the Firestore
 * emulator, quick and clone jobs delivered by the Pub/Sub emulator's push subscription, completion events on its
 * provision-events topic, and the local adapters for the ports without an emulator. Every flow is driven over HTTP;
 * every record is read back from the Firestore emulator, and the embedded SQLite file is checked to hold none of them.
 * Runs only with {@code -Pemulators} (tag {@code emulator}); fails when gcloud is missing.
 */
@Tag("emulator")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GcpEmulatorsIT {

    private static final String PROJECT = "demo-project";
    private static final String EVENTS_SUBSCRIPTION = "e2e-provision-events";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static PlatformProcess platform;
    private static Instant started;

    @BeforeAll
    static void start() {
        started = Instant.now();
        platform = PlatformProcess.startOnGcpEmulators(
                "gcp",
                Map.of(
                        "PLATFORM_START_TIMEOUT", "420",
                        "PLATFORM_LEASE_DURATION", "3s",
                        // Pub/Sub allows 5 to 100 attempts; 5 with 10-60 s backoff give a restarted worker about
                        // two minutes to take a redelivery (kill to restart took 50-80 s on a loaded machine), and
                        // a worker that stays down a dead letter soon after.
                        "PLATFORM_QUEUE_QUICK_MAX_DELIVERY_ATTEMPTS", "5",
                        "PLATFORM_QUEUE_QUICK_MIN_BACKOFF", "10s",
                        "PLATFORM_QUEUE_QUICK_MAX_BACKOFF", "60s",
                        // Only this test's calls run the lifecycle rules.
                        "PLATFORM_LIFECYCLE_CRON_ENABLED", "false"));
        System.out.printf(
                "platform up on the emulators in %d s%n",
                Duration.between(started, Instant.now()).toSeconds());
        // What the platform publishes on provision-events is kept by a subscription of the test's own.
        JsonNode created = pubsub(
                "PUT",
                "subscriptions/" + EVENTS_SUBSCRIPTION,
                "{\"topic\":\"projects/" + PROJECT + "/topics/provision-events\",\"ackDeadlineSeconds\":60}");
        assertThat(created.path("name").asText()).endsWith(EVENTS_SUBSCRIPTION);
    }

    @AfterAll
    static void stop() {
        if (platform == null) {
            return;
        }
        platform.down();
        System.out.printf(
                "GcpEmulatorsIT ran in %d s%n",
                Duration.between(started, Instant.now()).toSeconds());
        assertThat(platform.pid("api-service")).isEmpty();
        assertThat(emulatorProcessesLeft())
                .as("emulator processes after ./platform down")
                .isEmpty();
    }

    @Test
    @Order(1)
    void everyFlowRunsOnTheEmulatorsAndEveryRecordIsInFirestore() {
        Api api = platform.api();
        String tenant = platform.tenant();
        assertThat(firestore("tenants/" + tenant)).as("the onboarded tenant").isNotNull();

        // quick provision: published to provision-jobs, pushed to quick-provisioner by the emulator
        Api.Response quick = api.provisionQuick("shopify", "Emulator Retail");
        assertThat(quick.status()).as("%s", quick).isEqualTo(202);
        String quickJob = quick.get("job_id").asText();
        String demoId = quick.get("demo_id").asText();
        JsonNode done = awaitTerminal(quickJob, Duration.ofSeconds(120));
        assertThat(done.path("status").asText()).as("%s", done).isEqualTo("completed");
        assertThat(done.path("attempts").asInt()).isEqualTo(1);
        assertThat(string(firestore("jobs/" + quickJob), "status")).isEqualTo("completed");
        assertThat(string(firestore("demos/" + demoId), "status")).isEqualTo("ready");

        // chat, pin and share
        Api.Response chat =
                api.post("/api/chat", Map.of("demo_id", demoId, "message", "How many orders were placed in 2024?"));
        assertThat(chat.status()).as("%s", chat).isEqualTo(200);
        assertThat(chat.get("rows").size()).isPositive();
        assertThat(firestore("conversations/" + chat.get("conversation_id").asText()))
                .isNotNull();
        assertThat(api.post("/api/demos/" + demoId + "/pin", Map.of()).status()).isEqualTo(200);
        assertThat(firestore("demos/" + demoId)
                        .path("fields")
                        .path("is_pinned")
                        .path("booleanValue")
                        .asBoolean())
                .isTrue();
        Api.Response share = api.post("/api/demos/" + demoId + "/share", Map.of("expires_in_days", 7));
        assertThat(share.status()).as("%s", share).isIn(200, 201);
        assertThat(api.get("/api/shared/" + share.get("token").asText()).status())
                .isEqualTo(200);
        assertThat(documents("demo_shares")).as("share links in Firestore").isNotEmpty();

        // clone: a second quick-queue job through the push subscription
        Api.Response clone = api.post("/api/demos/" + demoId + "/clone", Map.of("new_customer_name", "Emulator Clone"));
        assertThat(clone.status()).as("%s", clone).isEqualTo(202);
        String cloneJob = clone.get("job_id").asText();
        String cloneId = clone.get("demo_id").asText();
        assertThat(awaitTerminal(cloneJob, Duration.ofSeconds(120))
                        .path("status")
                        .asText())
                .isEqualTo("completed");
        assertThat(string(firestore("jobs/" + cloneJob), "type")).isEqualTo("clone");

        // a custom demo and a tenant pipeline: Cloud Tasks has no emulator, so the local task table dispatches them
        Api.Response custom = api.post(
                "/api/provision/custom", Map.of("customer_name", "Blue Harbor Insurance", "industry", "insurance"));
        assertThat(custom.status()).as("%s", custom).isEqualTo(202);
        Api.Response pipeline = api.post(
                "/api/v1/pipelines/run/" + tenant + "/gcp/example/dryrun",
                Map.of("trigger_by", "e2e", "date", "2026-12-01"));
        assertThat(pipeline.status()).as("%s", pipeline).isEqualTo(202);
        String customJob = custom.get("job_id").asText();
        String customDemo = custom.get("demo_id").asText();
        String pipelineJob = pipeline.get("pipeline_logging_id").asText();
        assertThat(awaitTerminal(customJob, Duration.ofSeconds(240))
                        .path("status")
                        .asText())
                .isEqualTo("completed");
        assertThat(awaitTerminal(pipelineJob, Duration.ofSeconds(120))
                        .path("status")
                        .asText())
                .isEqualTo("completed");
        assertThat(string(firestore("demos/" + customDemo), "status")).isEqualTo("ready");
        assertThat(string(firestore("jobs/" + pipelineJob), "type")).isEqualTo("pipeline");

        // delete the clone
        assertThat(api.delete("/api/demos/" + cloneId).status()).isEqualTo(204);
        assertThat(string(firestore("demos/" + cloneId), "status")).isEqualTo("deleted");

        // lifecycle cleanup over HTTP: the custom demo, unused for 91 days in Firestore, is archived
        patchTimestamp("demos/" + customDemo, "last_used", Instant.now().minus(91, ChronoUnit.DAYS));
        Api.Response cleanup = Api.postRaw(
                "http://127.0.0.1:" + platform.port("lifecycle-service") + "/api/admin/cleanup",
                new byte[0],
                Map.of("X-Worker-Secret", platform.workerSecret()));
        assertThat(cleanup.status()).as("%s", cleanup).isEqualTo(200);
        assertThat(cleanup.get("archived").asInt()).as("%s", cleanup).isEqualTo(1);
        assertThat(string(firestore("demos/" + customDemo), "status")).isEqualTo("archived");
        assertThat(documents("lifecycle_runs")).isNotEmpty();

        // completion events went out on provision-events
        List<String> events = pullAll(EVENTS_SUBSCRIPTION);
        for (String job : List.of(quickJob, cloneJob, customJob, pipelineJob)) {
            assertThat(events)
                    .as("completion event of %s", job)
                    .anyMatch(e -> e.contains(job) && e.contains("completed"));
        }

        // nothing of it in the embedded SQLite file: no job, demo, tenant or share, no outbox message; only the
        // two tasks of the local Cloud Tasks stand-in
        for (String table :
                List.of("jobs", "demos", "tenants", "api_keys", "demo_shares", "conversations", "outbox", "events")) {
            assertThat(sqliteCount(table)).as("rows in SQLite table %s", table).isZero();
        }
        assertThat(sqliteCount(
                        "tasks WHERE status = 'done' AND job_id IN ('" + customJob + "', '" + pipelineJob + "')"))
                .as("the custom demo's and the pipeline's tasks, dispatched by the local task table")
                .isEqualTo(2);
    }

    @Test
    @Order(2)
    void aWorkerKilledMidProvisionIsCompletedOnceByTheEmulatorsRedelivery() {
        Api api = platform.api();
        String jobId;
        String demoId;
        long killed;
        try (ProcessThrottle slow =
                platform.throttle("quick-provisioner", Duration.ofMillis(20), Duration.ofMillis(200))) {
            Api.Response accepted = api.provisionQuick("shopify", "Crash On Emulators");
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            jobId = accepted.get("job_id").asText();
            demoId = accepted.get("demo_id").asText();
            List<JsonNode> seen = api.pollJob(
                    jobId,
                    j -> "loading_tables".equals(j.path("current_phase").asText()) || Api.isTerminal(j),
                    Duration.ofSeconds(120),
                    10,
                    "loading_tables");
            assertThat(seen.get(seen.size() - 1).path("status").asText()).isEqualTo("running");
            killed = platform.killWorker();
        }
        platform.up(); // restarts quick-provisioner only; the emulators keep running
        assertThat(platform.pid("quick-provisioner")).get().isNotEqualTo(killed);
        JsonNode done = awaitTerminal(jobId, Duration.ofSeconds(180));
        assertThat(done.path("status").asText()).as("%s", done).isEqualTo("completed");
        assertThat(done.path("attempts").asInt()).as("claims").isGreaterThanOrEqualTo(2);
        assertThat(string(firestore("jobs/" + jobId), "status")).isEqualTo("completed");
        assertThat(string(firestore("demos/" + demoId), "status")).isEqualTo("ready");
        assertThat(platform.datasets().stream().filter(demoId::equals)).hasSize(1);
        long listed = 0;
        for (JsonNode d : api.get("/api/demos?limit=100").json().path("demos")) {
            if (demoId.equals(d.path("demo_id").asText())) {
                listed++;
            }
        }
        assertThat(listed).as("the demo, once").isEqualTo(1);
    }

    @Test
    @Order(3)
    void aMessageThatExhaustsItsDeliveryAttemptsIsDeadLetteredAndFailsItsJob() {
        Api api = platform.api();
        platform.killWorker(); // down for longer than the subscription's five attempts
        Api.Response accepted = api.provisionQuick("shopify", "Never Delivered");
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String jobId = accepted.get("job_id").asText();
        String demoId = accepted.get("demo_id").asText();

        // The emulator forwards it to provision-jobs-dlq once the attempts are spent (seen on its pull subscription).
        Instant deadline = Instant.now().plus(Duration.ofSeconds(300));
        boolean deadLettered = false;
        while (!deadLettered && Instant.now().isBefore(deadline)) {
            deadLettered = pullAll("provision-jobs-dlq-pull").stream().anyMatch(m -> m.contains(jobId));
            if (!deadLettered) {
                Api.sleep(2000);
            }
        }
        assertThat(deadLettered)
                .as("message of %s on provision-jobs-dlq", jobId)
                .isTrue();
        assertThat(api.job(jobId).get("status").asText()).isEqualTo("queued");

        platform.up(); // the dead-letter subscription's push now reaches quick-provisioner
        JsonNode failed = awaitTerminal(jobId, Duration.ofSeconds(240));
        assertThat(failed.path("status").asText()).as("%s", failed).isEqualTo("failed");
        assertThat(failed.path("error").asText())
                .contains("dead-lettered after 5 delivery attempts")
                .contains("provision-jobs-push");
        assertThat(string(firestore("jobs/" + jobId), "status")).isEqualTo("failed");
        // the demo fails right after its job, in a write of its own
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(string(firestore("demos/" + demoId), "status"))
                        .isEqualTo("failed"));
    }

    // ----- the emulators, read and driven over their REST APIs -----

    private static JsonNode awaitTerminal(String jobId, Duration timeout) {
        try {
            return platform.api().awaitTerminal(jobId, timeout);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + platform.logTails(40), e);
        }
    }

    /** A Firestore document as the emulator's REST API returns it, or null when it does not exist. */
    private static JsonNode firestore(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(firestoreUri(path)).GET());
        if (r.statusCode() == 404) {
            return null;
        }
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return Api.parse(r.body());
    }

    private static List<JsonNode> documents(String collection) {
        List<JsonNode> out = new ArrayList<>();
        firestore(collection).path("documents").forEach(out::add);
        return out;
    }

    private static String string(JsonNode document, String field) {
        assertThat(document).as("document with %s", field).isNotNull();
        return document.path("fields").path(field).path("stringValue").asText();
    }

    /** Moves time for one field the way only time could: a timestamp written straight into the emulator. */
    private static void patchTimestamp(String path, String field, Instant value) {
        String body = "{\"fields\":{\"" + field + "\":{\"timestampValue\":\"" + value + "\"}}}";
        HttpResponse<String> r =
                send(HttpRequest.newBuilder(URI.create(firestoreUri(path) + "?updateMask.fieldPaths=" + field))
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as("PATCH %s: %s", path, r.body()).isEqualTo(200);
    }

    private static URI firestoreUri(String path) {
        return URI.create("http://" + platform.firestoreEmulator() + "/v1/projects/" + PROJECT
                + "/databases/(default)/documents/" + path);
    }

    private static JsonNode pubsub(String method, String path, String body) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(
                        URI.create("http://" + platform.pubsubEmulator() + "/v1/projects/" + PROJECT + "/" + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(200);
        return Api.parse(r.body());
    }

    /** Pulls and acknowledges what a pull subscription holds; returns each message's data and attributes as text. */
    private static List<String> pullAll(String subscription) {
        List<String> out = new ArrayList<>();
        while (true) {
            JsonNode pulled = pubsub(
                    "POST",
                    "subscriptions/" + subscription + ":pull",
                    "{\"maxMessages\":100,\"returnImmediately\":true}");
            List<String> ackIds = new ArrayList<>();
            for (JsonNode received : pulled.path("receivedMessages")) {
                ackIds.add(received.path("ackId").asText());
                JsonNode message = received.path("message");
                out.add(new String(
                                Base64.getDecoder().decode(message.path("data").asText()), StandardCharsets.UTF_8) + " "
                        + message.path("attributes"));
            }
            if (ackIds.isEmpty()) {
                return out;
            }
            pubsub("POST", "subscriptions/" + subscription + ":acknowledge", Api.write(Map.of("ackIds", ackIds)));
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long sqliteCount(String table) {
        Path db = platform.dataDir().resolve("platform.db");
        assertThat(db).exists();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Processes still running from this platform's emulators (their command lines name the emulator ports). */
    private static List<String> emulatorProcessesLeft() {
        String firestorePort = "--port=" + platform.firestoreEmulator().split(":")[1];
        String pubsubPort = "--port=" + platform.pubsubEmulator().split(":")[1];
        List<String> left = new ArrayList<>();
        ProcessHandle.allProcesses()
                .forEach(p -> p.info().commandLine().ifPresent(cmd -> {
                    if (cmd.contains(firestorePort)
                            || cmd.contains(pubsubPort)
                            || cmd.contains(platform.firestoreEmulator())
                            || cmd.contains(platform.pubsubEmulator())) {
                        left.add(p.pid() + " " + cmd);
                    }
                }));
        if (!left.isEmpty()) {
            return left;
        }
        return Files.exists(platform.dataDir().resolve("run/firestore-emulator.pid"))
                ? List.of("run/firestore-emulator.pid still there")
                : List.of();
    }
}
