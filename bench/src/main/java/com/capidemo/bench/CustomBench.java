package com.capidemo.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Custom provisioning and tenant pipelines of a running platform: POST /api/provision/custom for five briefs (four
 * industries the designer knows and one it composes from the brief)
 * one after another, each timed POST → completed with its seven stages' durations (from the stage checkpoints); then
 * three runs of the bill-sample-export pipeline, each POST → COMPLETED with its steps' durations. Target: custom p95
 * &lt; 60 s locally.
 *
 * <pre>
 *   java -cp bench/target/bench-1.0.0-SNAPSHOT.jar com.capidemo.bench.CustomBench [--url URL --api-key KEY]
 *        [--runs 3] [--results DIR]
 * </pre>
 * Without --url/--api-key it reads PLATFORM_URL/PLATFORM_API_KEY, else {PLATFORM_DATA_DIR}/platform.env. Writes
 * custom-latest.json and custom-latest.md to --results. Exits 1 when a job fails.
 */
public final class CustomBench {

    static final double TARGET_P95_MS = 60_000;
    private static final List<Map<String, String>> BRIEFS = List.of(
            Map.of(
                    "customer_name",
                    "Northwind Outfitters",
                    "industry",
                    "retail",
                    "description",
                    "Outdoor apparel retailer with stores in the Pacific Northwest and an online shop"),
            Map.of(
                    "customer_name",
                    "Summit Federal Credit Union",
                    "industry",
                    "banking",
                    "description",
                    "Member-owned credit union in Colorado: checking, cards, auto and home loans"),
            Map.of(
                    "customer_name",
                    "Cascade Health Partners",
                    "industry",
                    "healthcare",
                    "description",
                    "Hospital network with clinics across Oregon and Washington"),
            Map.of(
                    "customer_name",
                    "SkyBridge Airlines",
                    "industry",
                    "airline",
                    "description",
                    "A regional airline with 40 aircraft flying in the US north-west"),
            Map.of(
                    "customer_name",
                    "Paws & Claws",
                    "industry",
                    "veterinary clinics",
                    "description",
                    "Twelve veterinary clinics treating cats and dogs in Portland"));

    private final String url;
    private final String apiKey;
    private final int runs;
    private final Path results;
    private final BenchClient client;
    private final Clock clock;
    private int failures;

    private CustomBench(String url, String apiKey, int runs, Path results, Clock clock) {
        this.clock = clock;
        this.url = url;
        this.apiKey = apiKey;
        this.client = new BenchClient(url, apiKey, false);
        this.runs = runs;
        this.results = results;
    }

    public static void main(String[] args) {
        BenchArgs a;
        try {
            a = BenchArgs.parse(args, "--runs", 3);
        } catch (IllegalArgumentException e) {
            System.err.println("custom bench: " + e.getMessage());
            System.err.println("usage: java -cp bench.jar com.capidemo.bench.CustomBench [--url URL --api-key KEY] "
                    + "[--runs N] [--results DIR]");
            System.exit(2);
            return;
        }
        System.exit(new CustomBench(a.url(), a.apiKey(), a.count(), a.results(), Clock.systemUTC()).run());
    }

    /** One timed job: end to end, and each stage's duration by stage id. */
    record Timed(String label, double millis, String status, Map<String, Double> stages) {}

    private int run() {
        System.out.printf("CAPI Demo Platform custom provisioning benchmark: %s, %d runs each%n", url, runs);
        List<Timed> custom = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            custom.add(customProvision(BRIEFS.get(i % BRIEFS.size())));
        }
        List<Timed> pipeline = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            pipeline.add(pipelineRun(tenantOfKey()));
        }
        Bench.Stats c = Bench.Stats.of(custom.stream().map(Timed::millis).toList());
        Bench.Stats p = Bench.Stats.of(pipeline.stream().map(Timed::millis).toList());
        boolean met = c.p95() < TARGET_P95_MS && failures == 0;
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                Locale.ROOT,
                """
                measurement                                              n    p50 ms    p95 ms    max ms
                ------------------------------------------------------------------------------------------
                custom provision POST → completed                 %8d  %8.0f  %8.0f  %8.0f
                pipeline bill-sample-export POST → COMPLETED      %8d  %8.0f  %8.0f  %8.0f
                ------------------------------------------------------------------------------------------
                target custom p95 < 60 s: %s; failed jobs %d
                """,
                c.n(),
                c.p50(),
                c.p95(),
                c.max(),
                p.n(),
                p.p50(),
                p.p95(),
                p.max(),
                met ? "met" : "NOT met",
                failures));
        table.append("\nper-stage times (ms):\n");
        for (Timed t : custom) {
            table.append(String.format(Locale.ROOT, "  %-36s %7.0f total  %s%n", t.label(), t.millis(), stages(t)));
        }
        for (Timed t : pipeline) {
            table.append(String.format(Locale.ROOT, "  %-36s %7.0f total  %s%n", t.label(), t.millis(), stages(t)));
        }
        System.out.print(table);
        if (results != null) {
            write(c, p, met, custom, pipeline, table.toString());
        }
        return failures == 0 ? 0 : 1;
    }

    private static String stages(Timed t) {
        StringBuilder sb = new StringBuilder();
        t.stages()
                .forEach((k, v) -> sb.append(k)
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%.0f", v))
                        .append("  "));
        return sb.toString().strip();
    }

    private Timed customProvision(Map<String, String> brief) {
        StringBuilder body = new StringBuilder("{");
        brief.forEach((k, v) -> body.append(body.length() > 1 ? "," : "")
                .append(Json.quote(k))
                .append(':')
                .append(Json.quote(v)));
        body.append('}');
        long t0 = System.nanoTime();
        Map<String, Object> accepted = Json.object(
                client.post("/api/provision/custom", body.toString()).body());
        String jobId = Json.str(accepted, "job_id");
        String status = await("/api/provision/status/" + jobId, "status", "completed|failed");
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!"completed".equals(status)) {
            failures++;
        }
        Map<String, Double> stages = new LinkedHashMap<>();
        for (Object s : Json.array(
                client.get("/api/provision/status/" + jobId + "/steps").body())) {
            Map<String, Object> step = BenchClient.castMap(s);
            stages.put(Json.str(step, "step_id"), ((Number) step.getOrDefault("duration_ms", 0)).doubleValue());
        }
        return new Timed("custom " + brief.get("industry") + " (" + status + ")", ms, status, stages);
    }

    private Timed pipelineRun(String tenant) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = client.post(
                "/api/v1/pipelines/run/" + tenant + "/gcp/cost/bill-sample-export-template",
                "{\"trigger_by\":\"bench\"}");
        if (r.statusCode() != 202) {
            failures++;
            return new Timed("pipeline (HTTP " + r.statusCode() + ")", 0, "rejected", Map.of());
        }
        String runId = Json.str(Json.object(r.body()), "pipeline_logging_id");
        String status = await("/api/v1/pipelines/runs/" + runId, "status", "COMPLETED|FAILED");
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!"COMPLETED".equals(status)) {
            failures++;
        }
        Map<String, Double> stages = new LinkedHashMap<>();
        Map<String, Object> run =
                Json.object(client.get("/api/v1/pipelines/runs/" + runId).body());
        for (Object s : (List<?>) run.get("steps")) {
            Map<String, Object> step = BenchClient.castMap(s);
            Object d = step.get("duration_ms");
            stages.put(Json.str(step, "step_id"), d instanceof Number n ? n.doubleValue() : 0.0);
        }
        return new Timed("pipeline bill-sample-export (" + status + ")", ms, status, stages);
    }

    /** The tenant of our API key: keys are {tenant_id}_api_{random}. */
    private String tenantOfKey() {
        int at = apiKey.indexOf("_api_");
        return at > 0 ? apiKey.substring(0, at) : apiKey;
    }

    private String await(String path, String field, String terminal) {
        Instant deadline = clock.instant().plus(Duration.ofMinutes(5));
        String status = "";
        while (clock.instant().isBefore(deadline)) {
            status = Json.str(Json.object(client.get(path).body()), field);
            if (status != null && status.matches(terminal)) {
                return status;
            }
            BenchClient.sleep(50);
        }
        return "timed out (" + status + ")";
    }

    private void write(
            Bench.Stats c, Bench.Stats p, boolean met, List<Timed> custom, List<Timed> pipeline, String table) {
        try {
            Files.createDirectories(results);
            StringBuilder o = new StringBuilder("{\n");
            o.append("  \"date\": ")
                    .append(Json.quote(clock.instant().toString()))
                    .append(",\n");
            o.append("  \"platform\": ").append(Json.quote(url)).append(",\n");
            o.append("  \"custom\": ").append(c.json()).append(",\n");
            o.append("  \"pipeline\": ").append(p.json()).append(",\n");
            o.append("  \"target\": {\"custom_p95_ms\": 60000, \"met\": ")
                    .append(met)
                    .append("},\n");
            o.append("  \"runs\": [\n");
            List<Timed> all = new ArrayList<>(custom);
            all.addAll(pipeline);
            for (int i = 0; i < all.size(); i++) {
                Timed t = all.get(i);
                o.append("    {\"job\": ")
                        .append(Json.quote(t.label()))
                        .append(", \"total_ms\": ")
                        .append(String.format(Locale.ROOT, "%.1f", t.millis()))
                        .append(", \"stages_ms\": {");
                int j = 0;
                for (Map.Entry<String, Double> e : t.stages().entrySet()) {
                    o.append(j++ == 0 ? "" : ", ")
                            .append(Json.quote(e.getKey()))
                            .append(": ")
                            .append(String.format(Locale.ROOT, "%.0f", e.getValue()));
                }
                o.append("}}").append(i + 1 < all.size() ? "," : "").append('\n');
            }
            o.append("  ],\n  \"failed_jobs\": ").append(failures).append("\n}\n");
            Files.writeString(results.resolve("custom-latest.json"), o.toString());
            Files.writeString(
                    results.resolve("custom-latest.md"),
                    "# CAPI Demo Platform custom provisioning benchmark\n\n" + "- Date: " + clock.instant()
                            + "\n- Platform: " + url + "\n\n```\n" + table + "```\n");
        } catch (IOException e) {
            System.err.println("custom bench: cannot write results: " + e.getMessage());
        }
    }
}
