package com.capidemo.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo management at scale, against a running platform whose store was seeded with many demos
 * (DemoStoreSeed): {@code GET /api/dashboard} and {@code GET /api/demos?limit=50} (first page, then following
 * next_cursor up to 5 pages) each by {@code --clients} (100) concurrent clients for {@code --seconds} (30), every
 * client a user of one of the seeded tenants; then single-demo reads ({@code GET /api/demos/{id}}, 8 clients)
 * unloaded and while 100 clients list; the team insights ({@code GET /api/insights?months=6}) by each tenant's admin;
 * api-service RSS after each phase. Latencies p50/p95/p99 (nearest rank),
 * throughput and errors (any answer but 200, or no answer) go to demos-latest.json and .md.
 *
 * Every load has its own HTTP client; api-service and load-generator CPU per phase are reported too.
 *
 * <pre>java -cp bench.jar com.capidemo.bench.DemosBench --url URL --seed-file FILE --pid PID [--clients N] [--seconds S]</pre>
 */
public final class DemosBench {

    private static final String INSIGHTS = "/api/insights?months=6";

    private static final Pattern CURSOR = Pattern.compile("\"next_cursor\"\\s*:\\s*\"([^\"]+)\"");

    private record User(String tenant, String email, String key, List<String> demoIds) {}

    /** {@code serverCores} / {@code clientCores}: CPU time of api-service / of this load generator per wall second. */
    private record Result(
            String name,
            int clients,
            double seconds,
            long requests,
            long errors,
            double p50,
            double p95,
            double p99,
            double max,
            double perSecond,
            double serverCores,
            double clientCores) {
        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"name\":\"%s\",\"clients\":%d,\"seconds\":%.1f,\"requests\":%d,"
                            + "\"errors\":%d,\"p50_ms\":%.2f,\"p95_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,\"req_per_s\":%.1f,"
                            + "\"server_cpu_cores\":%.2f,\"client_cpu_cores\":%.2f}",
                    name,
                    clients,
                    seconds,
                    requests,
                    errors,
                    p50,
                    p95,
                    p99,
                    max,
                    perSecond,
                    serverCores,
                    clientCores);
        }

        String md() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f | %.2f | %.2f |",
                    name,
                    clients,
                    requests,
                    errors,
                    p50,
                    p95,
                    p99,
                    max,
                    perSecond,
                    serverCores,
                    clientCores);
        }
    }

    private final String url;
    private String pid;
    private final List<User> users;
    private final Clock clock;

    private DemosBench(String url, List<User> users, Clock clock) {
        this.clock = clock;
        this.url = url;
        this.users = users;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        String url = o.getOrDefault("--url", System.getenv("PLATFORM_URL"));
        Path seed = Path.of(o.getOrDefault("--seed-file", "seed-keys.txt"));
        int clients = Integer.parseInt(o.getOrDefault("--clients", "100"));
        int seconds = Integer.parseInt(o.getOrDefault("--seconds", "30"));
        String pid = o.get("--pid");
        long demos = Long.parseLong(o.getOrDefault("--demos", "0"));
        Path results = Path.of(o.getOrDefault("--results", "bench/results"));
        List<User> users = new ArrayList<>();
        for (String line : Files.readAllLines(seed)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4) {
                users.add(new User(f[0], f[1], f[2], List.of(Arrays.copyOfRange(f, 3, f.length))));
            }
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("no users with demos in " + seed);
        }
        new DemosBench(url, users, Clock.systemUTC()).run(clients, seconds, pid, demos, results);
    }

    private void run(int clients, int seconds, String pid, long demos, Path results) throws Exception {
        this.pid = pid;
        List<Result> out = new ArrayList<>();
        List<String> rss = new ArrayList<>();
        rss.add("start " + rss(pid));
        // Warm-up of both measured requests for every user (JIT, SQLite page cache, kept answers), not measured.
        load("warm-up", clients, 10, (http, u, state) -> get(http, u, "/api/dashboard"));
        load("warm-up", clients, 5, this::listPage);
        out.add(load("GET /api/dashboard", clients, seconds, (http, u, state) -> get(http, u, "/api/dashboard")));
        rss.add("after dashboard " + rss(pid));
        out.add(load("GET /api/demos?limit=50", clients, seconds, this::listPage));
        rss.add("after list " + rss(pid));
        Result unloaded = load("GET /api/demos/{id} unloaded", 8, 10, this::pointRead);
        out.add(unloaded);
        AtomicBoolean stop = new AtomicBoolean();
        Thread background = new Thread(() -> {
            while (!stop.get()) {
                load("list load", clients, 5, this::listPage);
            }
        });
        background.start();
        Thread.sleep(2000);
        Result loaded = load("GET /api/demos/{id} under list load", 8, 10, this::pointRead);
        stop.set(true);
        background.join();
        out.add(loaded);
        rss.add("after point reads " + rss(pid));
        // The team insights (tenant admins only: the users /api/insights answers), six months of count queries.
        HttpClient probe = HttpClient.newHttpClient();
        List<User> admins = new ArrayList<>();
        for (User u : users) {
            if (send(probe, u, INSIGHTS).statusCode() == 200) {
                admins.add(u);
            }
        }
        Result insights = null;
        if (!admins.isEmpty()) {
            DemosBench asAdmins = new DemosBench(url, admins, clock);
            asAdmins.pid = pid;
            asAdmins.load("warm-up", admins.size(), 5, (http, u, state) -> asAdmins.get(http, u, INSIGHTS));
            insights = asAdmins.load(
                    "GET " + INSIGHTS, admins.size(), seconds, (http, u, state) -> asAdmins.get(http, u, INSIGHTS));
            out.add(insights);
            rss.add("after insights " + rss(pid));
        }

        StringBuilder md = new StringBuilder("# Demo management at scale (")
                .append(clock.instant())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores on the client machine, Java ")
                .append(System.getProperty("java.version"))
                .append(", load average at the end ")
                .append(loadAverage())
                .append(")\n\n")
                .append(demos > 0 ? demos + " demos" : "Seeded demos")
                .append(" across ")
                .append(users.stream().map(User::tenant).distinct().count())
                .append(" tenants (")
                .append(users.size())
                .append(" users), seeded through the store. Targets: p50 < 20 ms, p99 < 100 ms,"
                        + " 0 errors; point reads under list load within 2x of unloaded; the team insights (each"
                        + " tenant's admin, one client each) p95 < 200 ms.\n\n")
                .append("Each load has its own HTTP client (connection pool and selector thread), as its users would."
                        + " CPU columns: cores used by api-service and by this load generator (same machine).\n\n")
                .append("| request | clients | requests | errors | p50 ms | p95 ms | p99 ms | max ms | req/s"
                        + " | server CPU | client CPU |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        out.forEach(r -> md.append(r.md()).append('\n'));
        double ratio = unloaded.perSecond() / Math.max(1e-9, loaded.perSecond());
        md.append(String.format(
                Locale.ROOT,
                "%nPoint reads: %.0f req/s unloaded, %.0f req/s under list load (%.2fx"
                        + " slower).%n%napi-service RSS (kB, VmRSS / VmHWM): %s%n",
                unloaded.perSecond(),
                loaded.perSecond(),
                ratio,
                String.join("; ", rss)));
        Files.createDirectories(results);
        Files.writeString(results.resolve("demos-latest.md"), md.toString());
        StringBuilder json = new StringBuilder("{\"date\":\"" + clock.instant() + "\",\"load_average\":\""
                + loadAverage() + "\",\"demos\":" + demos
                + ",\"results\":[\n  ");
        json.append(String.join(",\n  ", out.stream().map(Result::json).toList()))
                .append(String.format(
                        Locale.ROOT,
                        "\n],\"point_read_slowdown\":%.3f,\"rss\":[%s]}%n",
                        ratio,
                        String.join(",", rss.stream().map(s -> "\"" + s + "\"").toList())));
        Files.writeString(results.resolve("demos-latest.json"), json.toString());
        System.out.println(md);
    }

    @FunctionalInterface
    private interface Call {
        /** One request; returns whether it was answered 200. {@code state} is the client's own (a cursor). */
        boolean call(HttpClient http, User user, String[] state) throws IOException, InterruptedException;
    }

    private boolean listPage(HttpClient http, User u, String[] state) throws IOException, InterruptedException {
        String path = "/api/demos?limit=50" + (state[0] == null ? "" : "&cursor=" + state[0]);
        HttpResponse<String> r = send(http, u, path);
        if (r.statusCode() != 200) {
            state[0] = null;
            return false;
        }
        int page = state[1] == null ? 1 : Integer.parseInt(state[1]);
        Matcher m = CURSOR.matcher(r.body());
        if (page < 5 && m.find()) {
            state[0] = m.group(1);
            state[1] = Integer.toString(page + 1);
        } else {
            state[0] = null;
            state[1] = null;
        }
        return true;
    }

    private boolean pointRead(HttpClient http, User u, String[] state) throws IOException, InterruptedException {
        String id =
                u.demoIds().get(ThreadLocalRandom.current().nextInt(u.demoIds().size()));
        return get(http, u, "/api/demos/" + id);
    }

    private boolean get(HttpClient http, User u, String path) throws IOException, InterruptedException {
        return send(http, u, path).statusCode() == 200;
    }

    private HttpResponse<String> send(HttpClient http, User u, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .header("X-API-Key", u.key())
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Result load(String name, int clients, int seconds, Call call) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long serverCpu0 = cpuTicks(pid);
        long clientCpu0 = clientCpuNanos();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> timings = new ArrayList<>();
        int[] recorded = new int[clients];
        AtomicLong errors = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            User user = users.get(c % users.size());
            long[] mine = new long[4_000_000 / Math.max(1, clients)];
            timings.add(mine);
            Thread t = new Thread(() -> {
                String[] state = new String[2];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.call(http, user, state);
                    } catch (IOException e) {
                        ok = false;
                    } catch (InterruptedException e) {
                        return;
                    }
                    long took = System.nanoTime() - t0;
                    requests.incrementAndGet();
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    if (n < mine.length) {
                        mine[n++] = took;
                    }
                }
                recorded[client] = n;
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double serverCores = (cpuTicks(pid) - serverCpu0) / TICKS_PER_SECOND / wall;
        double clientCores = (clientCpuNanos() - clientCpu0) / 1e9 / wall;
        List<Long> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            for (int i = 0; i < recorded[c]; i++) {
                all.add(timings.get(c)[i]);
            }
        }
        double[] ms = all.stream().mapToDouble(v -> v / 1e6).sorted().toArray();
        return new Result(
                name,
                clients,
                wall,
                requests.get(),
                errors.get(),
                rank(ms, 50),
                rank(ms, 95),
                rank(ms, 99),
                ms.length == 0 ? Double.NaN : ms[ms.length - 1],
                requests.get() / wall,
                serverCores,
                clientCores);
    }

    /** Linux USER_HZ: /proc/PID/stat counts CPU time in 1/100 s. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** utime + stime of a process, in clock ticks (0 without a pid). */
    private static long cpuTicks(String pid) {
        if (pid == null) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of proc(5)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long clientCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double rank(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    /** The 1/5/15-minute load averages of the machine (others share it). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String rss(String pid) {
        if (pid == null) {
            return "n/a";
        }
        try {
            String rss = "?";
            String hwm = "?";
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = line.substring(6).trim().replace(" kB", "");
                } else if (line.startsWith("VmHWM:")) {
                    hwm = line.substring(6).trim().replace(" kB", "");
                }
            }
            return rss + "/" + hwm;
        } catch (IOException e) {
            return "n/a";
        }
    }
}
