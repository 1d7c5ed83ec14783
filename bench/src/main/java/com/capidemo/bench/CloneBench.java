package com.capidemo.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Clones of a running platform: one shopify demo is quick-provisioned, then cloned {@code --clones} times one after
 * another, each timed from POST /api/demos/{id}/clone to the job's completed status (polled every 10 ms), with the
 * accept latency of the POST and the server-side time (completed_at − created_at). Target: POST → completed p95
 * &lt; 500 ms locally.
 *
 * <pre>
 *   java -cp bench/target/bench-1.0.0-SNAPSHOT.jar com.capidemo.bench.CloneBench [--url URL --api-key KEY]
 *        [--clones 40] [--results DIR]
 * </pre>
 * Without --url/--api-key it reads PLATFORM_URL/PLATFORM_API_KEY, else {PLATFORM_DATA_DIR}/platform.env. Writes
 * clone-latest.json and clone-latest.md to --results. Exits 1 when a clone fails.
 */
public final class CloneBench {

    static final double TARGET_P95_MS = 500;

    private final String url;
    private final int clones;
    private final Path results;
    private final BenchClient client;
    private final Clock clock;
    private int failures;

    private CloneBench(String url, String apiKey, int clones, Path results, Clock clock) {
        this.clock = clock;
        this.url = url;
        this.client = new BenchClient(url, apiKey, false);
        this.clones = clones;
        this.results = results;
    }

    public static void main(String[] args) {
        BenchArgs a;
        try {
            a = BenchArgs.parse(args, "--clones", 40);
        } catch (IllegalArgumentException e) {
            System.err.println("clone bench: " + e.getMessage());
            System.err.println("usage: java -cp bench.jar com.capidemo.bench.CloneBench [--url URL --api-key KEY] "
                    + "[--clones N] [--results DIR]");
            System.exit(2);
            return;
        }
        System.exit(new CloneBench(a.url(), a.apiKey(), a.count(), a.results(), Clock.systemUTC()).run());
    }

    /** p50/p95/p99/max of millisecond timings (nearest rank, as {@link Bench.Stats}). */
    record Percentiles(int n, double p50, double p95, double p99, double max) {
        static Percentiles of(List<Double> millis) {
            if (millis.isEmpty()) {
                return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double[] v =
                    millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Percentiles(
                    v.length,
                    Bench.Stats.rank(v, 50),
                    Bench.Stats.rank(v, 95),
                    Bench.Stats.rank(v, 99),
                    v[v.length - 1]);
        }

        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"n\": %d, \"p50_ms\": %.1f, \"p95_ms\": %.1f, \"p99_ms\": %.1f, " + "\"max_ms\": %.1f}",
                    n,
                    p50,
                    p95,
                    p99,
                    max);
        }

        String row(String name) {
            return String.format(Locale.ROOT, "%-42s %5d %9.1f %9.1f %9.1f %9.1f%n", name, n, p50, p95, p99, max);
        }
    }

    private int run() {
        System.out.printf("CAPI Demo Platform clone benchmark: %s, %d clones of a shopify demo%n", url, clones);
        HttpResponse<String> provisioned = client.post(
                "/api/provision/quick", "{\"template_id\":\"shopify\",\"customer_name\":\"Clone Bench Source\"}");
        if (provisioned.statusCode() != 202) {
            System.err.println("clone bench: quick provision answered " + provisioned.statusCode());
            return 1;
        }
        Map<String, Object> source = Json.object(provisioned.body());
        String sourceId = Json.str(source, "demo_id");
        if (!"completed".equals(await(Json.str(source, "job_id")).get("status"))) {
            System.err.println("clone bench: the source demo did not become ready");
            return 1;
        }
        List<Double> accept = new ArrayList<>();
        List<Double> endToEnd = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        for (int i = 0; i < clones; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.post(
                    "/api/demos/" + sourceId + "/clone", "{\"new_customer_name\":\"Clone " + (i + 1) + "\"}");
            accept.add((System.nanoTime() - t0) / 1e6);
            if (r.statusCode() != 202) {
                failures++;
                System.err.println("clone " + (i + 1) + ": HTTP " + r.statusCode() + " " + Json.abbreviate(r.body()));
                continue;
            }
            Map<String, Object> job = await(Json.str(Json.object(r.body()), "job_id"));
            double ms = (System.nanoTime() - t0) / 1e6;
            if (!"completed".equals(job.get("status"))) {
                failures++;
                System.err.println("clone " + (i + 1) + ": " + job.get("status") + " " + job.get("error"));
                continue;
            }
            endToEnd.add(ms);
            server.add((double) Duration.between(
                            Instant.parse(Json.str(job, "created_at")), Instant.parse(Json.str(job, "completed_at")))
                    .toMillis());
        }
        Percentiles a = Percentiles.of(accept);
        Percentiles e = Percentiles.of(endToEnd);
        Percentiles s = Percentiles.of(server);
        boolean met = failures == 0 && e.p95() < TARGET_P95_MS;
        String table = String.format(
                        Locale.ROOT, "%-42s %5s %9s %9s %9s %9s%n", "measurement (ms)", "n", "p50", "p95", "p99", "max")
                + "-".repeat(88) + "\n"
                + a.row("clone POST accept (202)")
                + e.row("clone POST → completed (client)")
                + s.row("clone created_at → completed_at (server)")
                + "-".repeat(88) + "\n"
                + String.format(
                        Locale.ROOT,
                        "target POST → completed p95 < 500 ms: %s; failed clones %d; "
                                + "throughput %.1f clones/s (sequential)%n",
                        met ? "met" : "NOT met",
                        failures,
                        e.n() == 0
                                ? 0
                                : 1000.0
                                        * e.n()
                                        / endToEnd.stream()
                                                .mapToDouble(Double::doubleValue)
                                                .sum());
        System.out.print(table);
        if (results != null) {
            write(a, e, s, met, table);
        }
        return failures == 0 ? 0 : 1;
    }

    /** Polls the job every 10 ms until it completed or failed (at most two minutes). */
    private Map<String, Object> await(String jobId) {
        Instant deadline = clock.instant().plus(Duration.ofMinutes(2));
        Map<String, Object> job = Map.of("status", "unknown");
        while (clock.instant().isBefore(deadline)) {
            job = Json.object(client.get("/api/provision/status/" + jobId).body());
            String status = Json.str(job, "status");
            if ("completed".equals(status) || "failed".equals(status)) {
                return job;
            }
            BenchClient.sleep(10);
        }
        return Map.of("status", "timed out", "error", "no terminal status within 2 minutes");
    }

    private void write(Percentiles a, Percentiles e, Percentiles s, boolean met, String table) {
        try {
            Files.createDirectories(results);
            String json = "{\n"
                    + "  \"date\": " + Json.quote(clock.instant().toString()) + ",\n"
                    + "  \"platform\": " + Json.quote(url) + ",\n"
                    + "  \"template\": \"shopify\",\n"
                    + "  \"accept\": " + a.json() + ",\n"
                    + "  \"post_to_completed\": " + e.json() + ",\n"
                    + "  \"server_created_to_completed\": " + s.json() + ",\n"
                    + "  \"target\": {\"post_to_completed_p95_ms\": 500, \"met\": " + met + "},\n"
                    + "  \"failed_clones\": " + failures + "\n}\n";
            Files.writeString(results.resolve("clone-latest.json"), json);
            Files.writeString(
                    results.resolve("clone-latest.md"),
                    "# CAPI Demo Platform clone benchmark\n\n"
                            + "- Date: " + clock.instant() + "\n- Platform: " + url + "\n- " + e.n()
                            + " sequential clones of one ready shopify demo (15 tables, 145,000 rows)\n\n```\n" + table
                            + "```\n");
        } catch (IOException ex) {
            System.err.println("clone bench: cannot write results: " + ex.getMessage());
        }
    }
}
