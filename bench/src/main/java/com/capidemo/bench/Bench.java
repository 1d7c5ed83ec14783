package com.capidemo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures a running platform through its public API:
 * <ol type="a">
 *   <li>accept latency of POST /api/provision/quick (sequential requests);</li>
 *   <li>POST → completed, one provision at a time, after (a)'s backlog drained;</li>
 *   <li>POST → completed for concurrent provisions, and the wall time until the last one completed.</li>
 * </ol>
 * Connects with --url/--api-key, else PLATFORM_URL/PLATFORM_API_KEY, else .platform-data/platform.env.
 * Prints a table and writes results/latest.json and results/latest.md. Exits 1 when any job failed.
 */
public final class Bench {

    static final class Options {
        String url;
        String apiKey;
        String envFile;
        String template = "shopify";
        int accept = 200;
        int sequential = 20;
        int concurrent = 10;
        long pollMillis = 10;
        /** How long one job may take from POST (b, c) or from when we start waiting for it (a's backlog). */
        Duration jobTimeout = Duration.ofSeconds(120);

        Path results;
    }

    /** p50/p95/max of a set of millisecond timings. */
    record Stats(int n, double p50, double p95, double max) {
        static Stats of(List<Double> millis) {
            if (millis.isEmpty()) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
            }
            double[] v =
                    millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Stats(v.length, rank(v, 50), rank(v, 95), v[v.length - 1]);
        }

        /** Nearest-rank percentile. */
        static double rank(double[] sorted, double p) {
            int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
        }

        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"n\": %d, \"p50_ms\": %s, \"p95_ms\": %s, \"max_ms\": %s}",
                    n,
                    num(p50),
                    num(p95),
                    num(max));
        }
    }

    /** A job's state as last observed by polling; {@code finished} when it reached completed or failed. */
    record Outcome(
            String jobId, String status, boolean finished, String error, double clientMillis, double serverMillis) {}

    private final Options o;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<String> failures = new ArrayList<>();
    /** Set when a job did not finish in time: the platform is stuck, later measurements are skipped. */
    private String stalled;

    private Bench(Options o, Clock clock) {
        this.clock = clock;
        this.o = o;
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(
                    "usage: java -jar bench.jar [--url URL --api-key KEY | --env-file FILE] [--template ID]"
                            + " [--accept N] [--sequential N] [--concurrent N] [--poll-ms MS] [--job-timeout-s S] [--results DIR]");
            System.exit(2);
            return;
        }
        try {
            System.exit(new Bench(o, Clock.systemUTC()).run());
        } catch (RuntimeException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }

    static Options options(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException("help");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--url" -> o.url = v;
                case "--api-key" -> o.apiKey = v;
                case "--env-file" -> o.envFile = v;
                case "--template" -> o.template = v;
                case "--accept" -> o.accept = positive(a, v);
                case "--sequential" -> o.sequential = positive(a, v);
                case "--concurrent" -> o.concurrent = positive(a, v);
                case "--poll-ms" -> o.pollMillis = positive(a, v);
                case "--job-timeout-s" -> o.jobTimeout = Duration.ofSeconds(positive(a, v));
                case "--results" -> o.results = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (o.url == null) {
            o.url = System.getenv("PLATFORM_URL");
        }
        if (o.apiKey == null) {
            o.apiKey = System.getenv("PLATFORM_API_KEY");
        }
        if (o.url == null || o.url.isBlank() || o.apiKey == null || o.apiKey.isBlank()) {
            Path env = Path.of(
                    o.envFile != null
                            ? o.envFile
                            : System.getenv().getOrDefault("PLATFORM_DATA_DIR", ".platform-data") + "/platform.env");
            Map<String, String> values = readEnv(env);
            if (o.url == null || o.url.isBlank()) {
                o.url = values.get("PLATFORM_URL");
            }
            if (o.apiKey == null || o.apiKey.isBlank()) {
                o.apiKey = values.get("PLATFORM_API_KEY");
            }
        }
        if (o.url == null || o.url.isBlank() || o.apiKey == null || o.apiKey.isBlank()) {
            throw new IllegalArgumentException("no platform URL / API key (use --url/--api-key, PLATFORM_URL/"
                    + "PLATFORM_API_KEY, or a platform.env)");
        }
        o.url = o.url.replaceAll("/+$", "");
        if (o.results == null) {
            o.results = Files.isDirectory(Path.of("bench")) ? Path.of("bench", "results") : Path.of("results");
        }
        return o;
    }

    private static int positive(String option, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new IllegalArgumentException(option + " needs a positive number, got " + v);
    }

    static Map<String, String> readEnv(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    values.put(
                            line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        return values;
    }

    // ------------------------------------------------------------------------------------------------ run

    private int run() {
        Instant startedAt = clock.instant();
        int cpus = Runtime.getRuntime().availableProcessors();
        System.out.printf("CAPI Demo Platform benchmark: %s, template %s, %d CPUs%n", o.url, o.template, cpus);
        preflight();

        // a) accept latency
        System.out.printf("a) %d sequential POST /api/provision/quick …%n", o.accept);
        List<Double> accept = new ArrayList<>();
        List<String> backlog = new ArrayList<>();
        long firstPost = System.nanoTime();
        for (int k = 0; k < o.accept; k++) {
            long t0 = System.nanoTime();
            String jobId = submit("bench-accept-" + k);
            accept.add(ms(System.nanoTime() - t0));
            backlog.add(jobId);
        }
        Stats acceptStats = Stats.of(accept);
        System.out.printf("   waiting for the %d accepted jobs to complete …%n", backlog.size());
        int backlogFailed = 0;
        for (String jobId : backlog) {
            if (stalled != null) { // one look only: count what is still unfinished
                long now = System.nanoTime();
                Outcome out = await(jobId, now, 0, now);
                if (!out.status().equals("completed")) {
                    backlogFailed++;
                    failures.add(
                            "a) job " + jobId + " " + out.status() + (out.error() == null ? "" : ": " + out.error()));
                }
                continue;
            }
            long t0 = System.nanoTime();
            Outcome out = await(jobId, t0, 50, t0 + o.jobTimeout.toNanos());
            if (!out.status().equals("completed")) {
                backlogFailed++;
                failures.add("a) job " + jobId + " " + out.status() + (out.error() == null ? "" : ": " + out.error()));
                if (!out.finished()) {
                    stalled = "a) backlog: job " + jobId + " made no progress to a terminal state in "
                            + o.jobTimeout.toSeconds() + " s";
                }
            }
        }
        double drainSeconds = ms(System.nanoTime() - firstPost) / 1000.0;
        System.out.printf(
                "   backlog: %d jobs completed, %d not; %.1f s after the first POST (%.1f jobs/s)%n",
                backlog.size() - backlogFailed,
                backlogFailed,
                drainSeconds,
                (backlog.size() - backlogFailed) / drainSeconds);
        if (stalled != null) {
            System.out.println("   STALLED: " + stalled + "; skipping the remaining measurements");
        }

        // b) sequential POST → completed
        System.out.printf(
                stalled != null
                        ? "b) skipped%n"
                        : "b) %d sequential provisions, POST → completed " + "(poll every %d ms) …%n",
                o.sequential,
                o.pollMillis);
        List<Double> seq = new ArrayList<>();
        List<Double> seqServer = new ArrayList<>();
        for (int k = 0; k < o.sequential && stalled == null; k++) {
            long t0 = System.nanoTime();
            String jobId = submit("bench-seq-" + k);
            Outcome out = await(jobId, t0, o.pollMillis, t0 + o.jobTimeout.toNanos());
            record(out, "b)", seq, seqServer);
            if (!out.finished()) {
                stalled = "b) job " + jobId + " not terminal " + o.jobTimeout.toSeconds() + " s after its POST";
                System.out.println("   STALLED: " + stalled + "; skipping the remaining measurements");
            }
        }
        Stats seqStats = Stats.of(seq);

        // c) concurrent POST → completed
        System.out.printf(stalled != null ? "c) skipped%n" : "c) %d concurrent provisions …%n", o.concurrent);
        List<Double> conc = new ArrayList<>();
        List<Double> concServer = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(o.concurrent);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int k = 0; k < o.concurrent && stalled == null; k++) {
            int n = k;
            futures.add(pool.submit(() -> {
                go.await();
                long t0 = System.nanoTime();
                String jobId = submit("bench-conc-" + n);
                return await(jobId, t0, o.pollMillis, t0 + o.jobTimeout.toNanos());
            }));
        }
        long wallStart = System.nanoTime();
        go.countDown();
        int concCompleted = 0;
        for (Future<Outcome> f : futures) {
            try {
                Outcome out = f.get();
                record(out, "c)", conc, concServer);
                if (out.status().equals("completed")) {
                    concCompleted++;
                }
            } catch (Exception e) {
                failures.add("c) " + e.getMessage());
            }
        }
        double wallMillis = stalled == null ? ms(System.nanoTime() - wallStart) : Double.NaN;
        pool.shutdownNow();
        Stats concStats = Stats.of(conc);

        String table = table(
                acceptStats,
                seqStats,
                Stats.of(seqServer),
                concStats,
                Stats.of(concServer),
                concCompleted,
                wallMillis,
                drainSeconds,
                backlogFailed);
        System.out.println();
        System.out.println(table);
        if (stalled != null) {
            failures.add(0, "STALLED: " + stalled + " (later measurements skipped)");
        }
        if (!failures.isEmpty()) {
            System.out.println("FAILURES:");
            failures.forEach(f -> System.out.println("  " + f));
        }
        write(
                startedAt,
                cpus,
                acceptStats,
                seqStats,
                Stats.of(seqServer),
                concStats,
                Stats.of(concServer),
                concCompleted,
                wallMillis,
                drainSeconds,
                backlogFailed,
                table);
        return failures.isEmpty() ? 0 : 1;
    }

    private void record(Outcome out, String step, List<Double> client, List<Double> server) {
        if (out.status().equals("completed")) {
            client.add(out.clientMillis());
            if (!Double.isNaN(out.serverMillis())) {
                server.add(out.serverMillis());
            }
        } else {
            failures.add(step + " job " + out.jobId() + " " + out.status()
                    + (out.error() == null ? "" : ": " + out.error()));
        }
    }

    private void preflight() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(o.url + "/api/templates/" + o.template))
                .GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/templates/" + o.template + " answered " + r.statusCode() + ": "
                    + Json.abbreviate(r.body()));
        }
        Map<String, Object> t = Json.object(r.body());
        System.out.printf("template %s: %s tables, %s rows%n", o.template, t.get("table_count"), t.get("total_rows"));
        for (int k = 0; k < 5; k++) { // warm the connection pool and the server's code paths (no jobs created)
            send(HttpRequest.newBuilder(URI.create(o.url + "/api/templates")).GET());
        }
    }

    /** POST /api/provision/quick; returns the job id; a non-202 is fatal. */
    private String submit(String customer) {
        String body = "{\"template_id\":" + Json.quote(o.template) + ",\"customer_name\":" + Json.quote(customer) + "}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(o.url + "/api/provision/quick"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() != 202) {
            throw new IllegalStateException(
                    "POST /api/provision/quick answered " + r.statusCode() + ": " + Json.abbreviate(r.body()));
        }
        String jobId = Json.str(Json.object(r.body()), "job_id");
        if (jobId == null) {
            throw new IllegalStateException("202 without job_id: " + Json.abbreviate(r.body()));
        }
        return jobId;
    }

    /** Polls the job until completed/failed or the deadline; client time is measured from {@code t0}. */
    private Outcome await(String jobId, long t0, long pollMillis, long deadlineNanos) {
        String last = "unknown";
        while (true) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(o.url + "/api/provision/status/" + jobId))
                    .GET());
            long now = System.nanoTime();
            if (r.statusCode() == 200) {
                Map<String, Object> job = Json.object(r.body());
                String status = Json.str(job, "status");
                if ("completed".equals(status) || "failed".equals(status)) {
                    return new Outcome(jobId, status, true, Json.str(job, "error"), ms(now - t0), serverMillis(job));
                }
                last = status;
            } else if (r.statusCode() != 404) {
                return new Outcome(
                        jobId, "http_" + r.statusCode(), true, Json.abbreviate(r.body()), ms(now - t0), Double.NaN);
            }
            if (now - deadlineNanos >= 0) {
                return new Outcome(jobId, "still " + last, false, null, ms(now - t0), Double.NaN);
            }
            sleep(pollMillis);
        }
    }

    /** completed_at − created_at as recorded by the platform. */
    private static double serverMillis(Map<String, Object> job) {
        try {
            Instant created = Instant.parse(Json.str(job, "created_at"));
            Instant completed = Instant.parse(Json.str(job, "completed_at"));
            return Duration.between(created, completed).toNanos() / 1e6;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        b.header("X-API-Key", o.apiKey).header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + o.url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ output

    private String table(
            Stats accept,
            Stats seq,
            Stats seqServer,
            Stats conc,
            Stats concServer,
            int concCompleted,
            double wallMillis,
            double drainSeconds,
            int backlogFailed) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-52s %5s %9s %9s %9s%n";
        sb.append(String.format(fmt, "measurement (template " + o.template + ")", "n", "p50 ms", "p95 ms", "max ms"));
        sb.append("-".repeat(88)).append('\n');
        row(sb, fmt, "a) POST /api/provision/quick → 202 (sequential)", accept);
        row(sb, fmt, "b) POST → completed, sequential (client)", seq);
        row(sb, fmt, "   same, server completed_at − created_at", seqServer);
        row(sb, fmt, "c) POST → completed, " + o.concurrent + " concurrent (client)", conc);
        row(sb, fmt, "   same, server completed_at − created_at", concServer);
        sb.append("-".repeat(88)).append('\n');
        sb.append(String.format(
                Locale.ROOT,
                "c) completed %d/%d; wall time until the last completed: %s ms%n",
                concCompleted,
                o.concurrent,
                f0(wallMillis)));
        sb.append(String.format(
                Locale.ROOT,
                "a) backlog of %d jobs: %d completed, %d failed/unfinished, %.1f s after " + "the first POST%n",
                o.accept,
                o.accept - backlogFailed,
                backlogFailed,
                drainSeconds));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String fmt, String name, Stats s) {
        sb.append(String.format(Locale.ROOT, fmt, name, s.n(), f1(s.p50()), f1(s.p95()), f1(s.max())));
    }

    private void write(
            Instant startedAt,
            int cpus,
            Stats accept,
            Stats seq,
            Stats seqServer,
            Stats conc,
            Stats concServer,
            int concCompleted,
            double wallMillis,
            double drainSeconds,
            int backlogFailed,
            String table) {
        String date = DateTimeFormatter.ISO_INSTANT.format(startedAt);
        String nproc = nproc(cpus);
        StringBuilder json = new StringBuilder();
        json.append("{\n");
        json.append("  \"date\": ").append(Json.quote(date)).append(",\n");
        json.append("  \"machine\": {\"nproc\": ")
                .append(nproc)
                .append(", \"os\": ")
                .append(Json.quote(System.getProperty("os.name") + " " + System.getProperty("os.arch")))
                .append(", \"java\": ")
                .append(Json.quote(System.getProperty("java.version")))
                .append("},\n");
        json.append("  \"platform_url\": ").append(Json.quote(o.url)).append(",\n");
        json.append("  \"template\": ").append(Json.quote(o.template)).append(",\n");
        json.append("  \"poll_interval_ms\": ").append(o.pollMillis).append(",\n");
        json.append("  \"accept\": ").append(accept.json()).append(",\n");
        json.append("  \"accept_backlog\": {\"jobs\": ")
                .append(o.accept)
                .append(", \"failed_or_unfinished\": ")
                .append(backlogFailed)
                .append(", \"seconds_after_first_post\": ")
                .append(num(drainSeconds))
                .append("},\n");
        json.append("  \"stalled\": ").append(Json.quote(stalled)).append(",\n");
        json.append("  \"sequential_post_to_completed\": ").append(seq.json()).append(",\n");
        json.append("  \"sequential_server_duration\": ")
                .append(seqServer.json())
                .append(",\n");
        json.append("  \"concurrent\": {\"requested\": ")
                .append(o.concurrent)
                .append(", \"completed\": ")
                .append(concCompleted)
                .append(", \"wall_ms\": ")
                .append(num(wallMillis))
                .append(", \"post_to_completed\": ")
                .append(conc.json())
                .append(", \"server_duration\": ")
                .append(concServer.json())
                .append("},\n");
        json.append("  \"failures\": [");
        for (int k = 0; k < failures.size(); k++) {
            json.append(k == 0 ? "" : ", ").append(Json.quote(failures.get(k)));
        }
        json.append("],\n  \"ok\": ").append(failures.isEmpty()).append("\n}\n");

        StringBuilder md = new StringBuilder();
        md.append("# CAPI Demo Platform benchmark\n\n");
        md.append("- Date: ").append(date).append('\n');
        md.append("- Machine: nproc ")
                .append(nproc)
                .append(", ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append(", Java ")
                .append(System.getProperty("java.version"))
                .append('\n');
        md.append("- Platform: ")
                .append(o.url)
                .append(", template `")
                .append(o.template)
                .append("`, status polled every ")
                .append(o.pollMillis)
                .append(" ms\n");
        md.append("- Result: ")
                .append(failures.isEmpty() ? "all jobs completed" : failures.size() + " failure(s)")
                .append("\n\n");
        md.append("| measurement | n | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n");
        mdRow(md, "a) POST /api/provision/quick → 202, " + o.accept + " sequential", accept);
        mdRow(md, "b) POST → completed, sequential (client)", seq);
        mdRow(md, "b) server completed_at − created_at", seqServer);
        mdRow(md, "c) POST → completed, " + o.concurrent + " concurrent (client)", conc);
        mdRow(md, "c) server completed_at − created_at", concServer);
        md.append(String.format(
                Locale.ROOT,
                "%nc) %d/%d completed; wall time until the last completed: **%s ms**.%n",
                concCompleted,
                o.concurrent,
                f0(wallMillis)));
        md.append(String.format(
                Locale.ROOT,
                "%na) backlog: of the %d accepted jobs %d completed and %d failed or did "
                        + "not finish; %.1f s after the first POST.%n",
                o.accept,
                o.accept - backlogFailed,
                backlogFailed,
                drainSeconds));
        if (!failures.isEmpty()) {
            md.append("\n## Failures\n\n");
            failures.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        md.append("\n```\n").append(table).append("```\n");
        try {
            Files.createDirectories(o.results);
            Files.writeString(o.results.resolve("latest.json"), json);
            Files.writeString(o.results.resolve("latest.md"), md);
            System.out.println("results: " + o.results.resolve("latest.json") + ", " + o.results.resolve("latest.md"));
        } catch (IOException e) {
            System.err.println("cannot write results to " + o.results + ": " + e);
            failures.add("cannot write results: " + e.getMessage());
        }
    }

    private static void mdRow(StringBuilder md, String name, Stats s) {
        md.append("| ")
                .append(name)
                .append(" | ")
                .append(s.n())
                .append(" | ")
                .append(f1(s.p50()))
                .append(" | ")
                .append(f1(s.p95()))
                .append(" | ")
                .append(f1(s.max()))
                .append(" |\n");
    }

    /** The output of nproc, falling back to the JVM's processor count. */
    private static String nproc(int fallback) {
        try {
            Process p = new ProcessBuilder("nproc").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() == 0 && out.matches("\\d+")) {
                return out;
            }
        } catch (IOException e) {
            // fall back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Integer.toString(fallback);
    }

    private static String f1(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f0(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
