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
 * Chat latency of a running platform: quick-provisions a demo of a template (shopify by default), waits until it is
 * ready, then asks each of the template's golden questions (from GET /api/templates/{id}) N times (3 by default)
 * through POST /api/chat, each in a new conversation, and prints p50/p95/max against the targets (p50 &lt; 300 ms,
 * p95 &lt; 1 s). A few non-golden questions answered by the planner are timed too, for information.
 *
 * <pre>
 *   java -cp bench/target/bench-1.0.0-SNAPSHOT.jar com.capidemo.bench.ChatBench --url URL --api-key KEY
 *        [--template shopify] [--rounds 3] [--results DIR]
 * </pre>
 * Without --url/--api-key it reads PLATFORM_URL/PLATFORM_API_KEY, else {PLATFORM_DATA_DIR}/platform.env. Writes
 * chat-latest.json and chat-latest.md to --results when given. Exits 1 when a request fails, 2 on bad usage.
 */
public final class ChatBench {

    static final double TARGET_P50_MS = 300;
    static final double TARGET_P95_MS = 1000;

    /** Unseen questions for the planner line (shopify); other templates skip it. */
    private static final Map<String, List<String>> PLANNER_QUESTIONS = Map.of(
            "shopify",
            List.of(
                    "How many customers are there in each country?",
                    "What was gross revenue by quarter in 2024?",
                    "What is the average refund amount by refund type?",
                    "Which 3 products have the most reviews?",
                    "How many orders were placed each month in 2023?"));

    private final String url;
    private final String template;
    private final int rounds;
    private final Path results;
    private final BenchClient client;
    private final Clock clock;
    private int failures;

    private ChatBench(String url, String apiKey, String template, int rounds, Path results, Clock clock) {
        this.clock = clock;
        this.url = url;
        this.client = new BenchClient(url, apiKey, true);
        this.template = template;
        this.rounds = rounds;
        this.results = results;
    }

    public static void main(String[] args) {
        String url = System.getenv("PLATFORM_URL");
        String key = System.getenv("PLATFORM_API_KEY");
        String envFile = null;
        String template = "shopify";
        int rounds = 3;
        Path results = null;
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("-h") || args[i].equals("--help") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("usage");
                }
                String v = args[++i];
                switch (args[i - 1]) {
                    case "--url" -> url = v;
                    case "--api-key" -> key = v;
                    case "--env-file" -> envFile = v;
                    case "--template" -> template = v;
                    case "--rounds" -> rounds = Integer.parseInt(v);
                    case "--results" -> results = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
                }
            }
            if (url == null || key == null || url.isBlank() || key.isBlank()) {
                Map<String, String> env = Bench.readEnv(Path.of(
                        envFile != null
                                ? envFile
                                : System.getenv().getOrDefault("PLATFORM_DATA_DIR", ".platform-data")
                                        + "/platform.env"));
                url = url == null || url.isBlank() ? env.get("PLATFORM_URL") : url;
                key = key == null || key.isBlank() ? env.get("PLATFORM_API_KEY") : key;
            }
            if (url == null || key == null || rounds < 1) {
                throw new IllegalArgumentException("no platform URL / API key (use --url/--api-key, PLATFORM_URL/"
                        + "PLATFORM_API_KEY, or a platform.env)");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("chat bench: " + e.getMessage());
            System.err.println("usage: java -cp bench.jar com.capidemo.bench.ChatBench [--url URL --api-key KEY |"
                    + " --env-file FILE] [--template ID] [--rounds N] [--results DIR]");
            System.exit(2);
            return;
        }
        try {
            System.exit(
                    new ChatBench(url.replaceAll("/+$", ""), key, template, rounds, results, Clock.systemUTC()).run());
        } catch (RuntimeException e) {
            System.err.println("chat bench: " + e.getMessage());
            System.exit(2);
        }
    }

    private int run() {
        System.out.printf("CAPI Demo Platform chat benchmark: %s, template %s, %d rounds%n", url, template, rounds);
        Map<String, Object> t =
                Json.object(client.get("/api/templates/" + template).body());
        List<String> questions = new ArrayList<>();
        for (Object g : (List<?>) t.get("golden_queries")) {
            questions.add(Json.str(BenchClient.castMap(g), "question"));
        }
        long started = System.nanoTime();
        Map<String, Object> accepted = Json.object(client.post(
                        "/api/provision/quick",
                        "{\"template_id\":" + Json.quote(template) + ",\"customer_name\":\"Chat bench\"}")
                .body());
        String jobId = Json.str(accepted, "job_id");
        String demoId = Json.str(accepted, "demo_id");
        Instant deadline = clock.instant().plus(Duration.ofMinutes(3));
        String status = "";
        while (clock.instant().isBefore(deadline)) {
            status = Json.str(
                    Json.object(client.get("/api/provision/status/" + jobId).body()), "status");
            if ("completed".equals(status) || "failed".equals(status)) {
                break;
            }
            BenchClient.sleep(20);
        }
        if (!"completed".equals(status)) {
            throw new IllegalStateException(
                    "demo " + demoId + " did not become ready (job " + jobId + ": " + status + ")");
        }
        double provisionMs = (System.nanoTime() - started) / 1e6;
        Map<String, Object> demo =
                Json.object(client.get("/api/demos/" + demoId).body());
        Object readiness = demo.get("readiness");
        System.out.printf(
                "demo %s ready in %.0f ms; readiness %s%n",
                demoId,
                provisionMs,
                readiness instanceof Map<?, ?> r
                        ? r.get("score") + "% (" + r.get("passed") + "/" + r.get("total") + ")"
                        : "n/a");

        List<Double> golden = new ArrayList<>();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String q : questions) {
                golden.add(ask(demoId, q, outcomes));
            }
        }
        List<Double> planned = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String q : PLANNER_QUESTIONS.getOrDefault(template, List.of())) {
                planned.add(ask(demoId, q, outcomes));
            }
        }
        Bench.Stats g = Bench.Stats.of(golden);
        Bench.Stats p = Bench.Stats.of(planned);
        boolean met = g.p50() < TARGET_P50_MS && g.p95() < TARGET_P95_MS;
        String table = String.format(
                Locale.ROOT,
                """
                measurement (template %s)                               n    p50 ms    p95 ms    max ms
                ------------------------------------------------------------------------------------------
                POST /api/chat, golden questions (%d × %d)       %8d  %8.1f  %8.1f  %8.1f
                POST /api/chat, planner questions (information)  %8d  %8.1f  %8.1f  %8.1f
                ------------------------------------------------------------------------------------------
                target p50 < %.0f ms, p95 < %.0f ms: %s; outcomes %s; failed requests %d
                """,
                template,
                questions.size(),
                rounds,
                g.n(),
                g.p50(),
                g.p95(),
                g.max(),
                p.n(),
                p.p50(),
                p.p95(),
                p.max(),
                TARGET_P50_MS,
                TARGET_P95_MS,
                met ? "met" : "NOT met",
                outcomes,
                failures);
        System.out.print(table);
        if (results != null) {
            write(g, p, met, outcomes, provisionMs, table);
        }
        return failures == 0 ? 0 : 1;
    }

    private double ask(String demoId, String question, Map<String, Integer> outcomes) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = client.post(
                "/api/chat", "{\"demo_id\":" + Json.quote(demoId) + ",\"message\":" + Json.quote(question) + "}");
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200) {
            failures++;
            System.err.printf("chat %s → HTTP %d %s%n", question, r.statusCode(), Json.abbreviate(r.body()));
        } else {
            outcomes.merge(Json.str(Json.object(r.body()), "outcome"), 1, Integer::sum);
        }
        return ms;
    }

    private void write(
            Bench.Stats g,
            Bench.Stats p,
            boolean met,
            Map<String, Integer> outcomes,
            double provisionMs,
            String table) {
        try {
            Files.createDirectories(results);
            StringBuilder o = new StringBuilder("{\n");
            o.append("  \"date\": ")
                    .append(Json.quote(clock.instant().toString()))
                    .append(",\n");
            o.append("  \"platform\": ").append(Json.quote(url)).append(",\n");
            o.append("  \"template\": ").append(Json.quote(template)).append(",\n");
            o.append("  \"provision_ms\": ")
                    .append(String.format(Locale.ROOT, "%.1f", provisionMs))
                    .append(",\n");
            o.append("  \"golden\": ").append(g.json()).append(",\n");
            o.append("  \"planner\": ").append(p.json()).append(",\n");
            o.append("  \"target\": {\"p50_ms\": 300, \"p95_ms\": 1000, \"met\": ")
                    .append(met)
                    .append("},\n");
            o.append("  \"outcomes\": {");
            int i = 0;
            for (Map.Entry<String, Integer> e : outcomes.entrySet()) {
                o.append(i++ == 0 ? "" : ", ")
                        .append(Json.quote(e.getKey()))
                        .append(": ")
                        .append(e.getValue());
            }
            o.append("},\n  \"failed_requests\": ").append(failures).append("\n}\n");
            Files.writeString(results.resolve("chat-latest.json"), o.toString());
            Files.writeString(
                    results.resolve("chat-latest.md"),
                    "# CAPI Demo Platform chat benchmark\n\n- Date: " + clock.instant() + "\n- Platform: " + url
                            + ", template `" + template + "`\n\n```\n" + table + "```\n");
        } catch (IOException e) {
            System.err.println("chat bench: cannot write results: " + e.getMessage());
        }
    }
}
