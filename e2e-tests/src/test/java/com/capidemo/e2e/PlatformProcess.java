package com.capidemo.e2e;

import com.capidemo.core.template.TemplateCatalog;
import com.capidemo.duckdb.DuckDbWarehouse;
import com.capidemo.local.LocalObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One platform started with {@code ./platform up} in its own data directory on its own four ports, the way
 * a user starts it: the services are real processes running the packaged jars. Each test class starts one
 * and stops it in its {@code @AfterAll}.
 */
public final class PlatformProcess implements AutoCloseable {

    public static final List<String> SERVICES =
            List.of("api-service", "quick-provisioner", "custom-provisioner", "lifecycle-service");

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(4);

    /** {@code ./platform up --gcp-emulators} may wait for two emulators and four services on a loaded machine. */
    private static final Duration EMULATOR_SCRIPT_TIMEOUT = Duration.ofMinutes(9);

    private final Path root;
    private final Path baseDir;
    private final Path dataDir;
    private final int portBase;
    private final Map<String, String> extraEnv;
    private final List<String> upArguments;
    private Map<String, String> access = Map.of();
    private Api api;

    private PlatformProcess(
            Path root,
            Path baseDir,
            Path dataDir,
            int portBase,
            Map<String, String> extraEnv,
            List<String> upArguments) {
        this.root = root;
        this.baseDir = baseDir;
        this.dataDir = dataDir;
        this.portBase = portBase;
        this.extraEnv = Map.copyOf(extraEnv);
        this.upArguments = List.copyOf(upArguments);
    }

    /** Starts a fresh platform named {@code name} (used in the data folder name) with extra service env. */
    public static PlatformProcess start(String name, Map<String, String> extraEnv) {
        return start(name, extraEnv, false);
    }

    /**
     * Starts a fresh platform with {@code ./platform up --gcp-emulators}: gcp mode on the Firestore and Pub/Sub
     * emulators of the Google Cloud CLI, which listen on the port base + 10 and + 11. Fails at once when gcloud is
     * missing: such a test must never pass by not running.
     */
    public static PlatformProcess startOnGcpEmulators(String name, Map<String, String> extraEnv) {
        return start(name, extraEnv, true);
    }

    private static PlatformProcess start(String name, Map<String, String> extraEnv, boolean gcpEmulators) {
        Path root = locateRoot();
        for (String s : SERVICES) {
            Path jar = root.resolve(s).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("missing " + jar + "; build the services first: mvn -B -o install "
                        + "-DskipTests -pl api-service,quick-provisioner,custom-provisioner,lifecycle-service -am");
            }
        }
        Path dataDir = root.resolve("e2e-tests/target/e2e-data")
                .resolve(name + "-"
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16));
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PlatformProcess platform = gcpEmulators
                ? new PlatformProcess(
                        root,
                        dataDir,
                        dataDir.resolve("gcp-emulators"),
                        freePortBase(12),
                        extraEnv,
                        List.of("up", "--gcp-emulators"))
                : new PlatformProcess(root, dataDir, dataDir, freePortBase(4), extraEnv, List.of("up"));
        if (gcpEmulators) {
            requireGcloud();
        }
        try {
            platform.up();
        } catch (RuntimeException e) {
            platform.down(); // whatever did start must not outlive the test
            throw e;
        }
        return platform;
    }

    /** The Google Cloud CLI with its emulators, or a failure that says how to install them. */
    static void requireGcloud() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "gcloud"))) {
                return;
            }
        }
        throw new IllegalStateException("gcloud is not on PATH: the -Pemulators end-to-end tests run the platform on "
                + "the Firestore and Pub/Sub emulators of the Google Cloud CLI (gcloud components install beta "
                + "cloud-firestore-emulator pubsub-emulator, or the google-cloud-cli-firestore-emulator and "
                + "google-cloud-cli-pubsub-emulator packages)");
    }

    /** The repository root: system property platform.root (set by the pom), else the parent of the cwd. */
    public static Path locateRoot() {
        String prop = System.getProperty("platform.root");
        Path root = prop != null && !prop.isBlank()
                ? Path.of(prop)
                : Path.of("").toAbsolutePath().getParent();
        if (!Files.isExecutable(root.resolve("platform"))) {
            throw new IllegalStateException("no executable ./platform script under " + root);
        }
        return root.toAbsolutePath().normalize();
    }

    /** First port of {@code count} consecutive free ports in 20000–40000. */
    static int freePortBase(int count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int tries = 0; tries < 200; tries++) {
            int base = 20000 + random.nextInt(20000 - count);
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                free = isFree(p);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports in 20000-40000");
    }

    /** A single free port in 20000–40000 (for stubs). */
    public static int freePort() {
        return freePortBase(1);
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code ./platform up}: starts whatever is not running; fails with output and log tails. */
    public void up() {
        ScriptResult r = script(upArguments.toArray(String[]::new));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("./platform up failed (exit " + r.exitCode() + ") in " + dataDir + "\n"
                    + r.output() + "\n" + logTails(60));
        }
        access = readEnvFile();
        api = new Api(url(), apiKey());
    }

    /** Runs {@code ./platform down} for this data directory. */
    public void down() {
        if (!Files.isDirectory(dataDir.resolve("run"))) {
            return;
        }
        ScriptResult r = script("down");
        if (r.exitCode() != 0) {
            System.err.println("./platform down failed (exit " + r.exitCode() + "):\n" + r.output());
        }
    }

    @Override
    public void close() {
        down();
    }

    /** kill -9 of the quick-provisioner process; returns once it is gone. */
    public long killWorker() {
        return kill("quick-provisioner");
    }

    public long kill(String service) {
        long pid = pid(service).orElseThrow(() -> new IllegalStateException(service + " is not running"));
        ProcessHandle handle = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no process " + pid + " for " + service));
        handle.destroyForcibly();
        try {
            handle.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(service + " (pid " + pid + ") did not die after kill -9", e);
        }
        return pid;
    }

    /**
     * Slows {@code service} from the outside until the throttle is closed: it runs for {@code run}, then is held for
     * {@code pause} (see {@link ProcessThrottle}).
     */
    public ProcessThrottle throttle(String service, Duration run, Duration pause) {
        long pid = pid(service).orElseThrow(() -> new IllegalStateException(service + " is not running"));
        return new ProcessThrottle(pid, run, pause);
    }

    public Optional<Long> pid(String service) {
        Path f = dataDir.resolve("run").resolve(service + ".pid");
        try {
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(f).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private record ScriptResult(int exitCode, String output) {}

    private ScriptResult script(String... arguments) {
        List<String> command = new ArrayList<>(List.of(root.resolve("platform").toString()));
        command.addAll(List.of(arguments));
        Duration timeout = upArguments.size() > 1 ? EMULATOR_SCRIPT_TIMEOUT : SCRIPT_TIMEOUT;
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        // Only our settings reach the services: drop PLATFORM_* / QUARKUS_* from the caller's environment.
        env.keySet().removeIf(k -> k.startsWith("PLATFORM_") || k.startsWith("QUARKUS_"));
        env.put("PLATFORM_SKIP_BUILD", "1");
        env.put("PLATFORM_DATA_DIR", baseDir.toString());
        env.put("PLATFORM_PORT_BASE", Integer.toString(portBase));
        env.putAll(extraEnv);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out;
            // The services redirect their output to log files, so the pipe closes when the script ends.
            out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new ScriptResult(-1, new String(out, StandardCharsets.UTF_8) + "\n(timed out)");
            }
            return new ScriptResult(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> readEnvFile() {
        Path f = dataDir.resolve("platform.env");
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(f)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(
                            line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
        for (String k : List.of("PLATFORM_URL", "PLATFORM_TENANT", "PLATFORM_API_KEY", "PLATFORM_ADMIN_TOKEN")) {
            if (values.getOrDefault(k, "").isBlank()) {
                throw new IllegalStateException(f + " has no " + k + ": " + values);
            }
        }
        return values;
    }

    /** The last {@code lines} lines of every service log, for failure messages. */
    public String logTails(int lines) {
        StringBuilder sb = new StringBuilder();
        for (String s : SERVICES) {
            Path log = dataDir.resolve("logs").resolve(s + ".log");
            sb.append("----- ").append(log).append(" (last ").append(lines).append(" lines) -----\n");
            try {
                List<String> all = Files.isRegularFile(log) ? Files.readAllLines(log) : List.of("(no log)");
                all.subList(Math.max(0, all.size() - lines), all.size())
                        .forEach(l -> sb.append(l).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                sb.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return sb.toString();
    }

    public Path repoRoot() {
        return root;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** host:port of the Firestore emulator of a platform started on the emulators. */
    public String firestoreEmulator() {
        return "127.0.0.1:" + (portBase + 10);
    }

    /** host:port of the Pub/Sub emulator of a platform started on the emulators. */
    public String pubsubEmulator() {
        return "127.0.0.1:" + (portBase + 11);
    }

    public int port(String service) {
        int i = SERVICES.indexOf(service);
        if (i < 0) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        return portBase + i;
    }

    public String url() {
        return access.get("PLATFORM_URL");
    }

    public String workerUrl() {
        return "http://127.0.0.1:" + port("quick-provisioner");
    }

    public String tenant() {
        return access.get("PLATFORM_TENANT");
    }

    public String apiKey() {
        return access.get("PLATFORM_API_KEY");
    }

    public String adminToken() {
        return access.get("PLATFORM_ADMIN_TOKEN");
    }

    /** The default tenant's API client. */
    public Api api() {
        return api;
    }

    /** A client for another API key. */
    public Api api(String key) {
        return new Api(url(), key);
    }

    public String workerSecret() {
        try {
            return Files.readAllLines(dataDir.resolve("worker-secret")).get(0).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local warehouse the services write, opened read-only from the test. */
    public DuckDbWarehouse warehouse() {
        return new DuckDbWarehouse(
                dataDir.resolve("warehouse"), new LocalObjectStore(dataDir.resolve("objects")), Clock.systemUTC());
    }

    /** Dataset folders currently in the warehouse. */
    public List<String> datasets() {
        return new ArrayList<>(warehouse().listDatasets());
    }

    /** Pipeline step checkpoints as the workers stored them (the shared SQLite file). */
    public List<com.capidemo.core.domain.StepRecord> steps(String jobId) {
        var db = new com.capidemo.local.SqliteDatabase(dataDir.resolve("platform.db"));
        return new com.capidemo.local.SqliteStepStore(db).list(jobId);
    }

    public TemplateCatalog templates() {
        return TemplateCatalog.load(root.resolve("configs/templates"));
    }
}
