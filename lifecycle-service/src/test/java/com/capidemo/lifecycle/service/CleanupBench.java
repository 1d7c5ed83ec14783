package com.capidemo.lifecycle.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.testing.MutableClock;
import com.capidemo.local.LocalDataAgents;
import com.capidemo.local.LocalDatasetFolders;
import com.capidemo.local.SqliteDatabase;
import com.capidemo.local.SqliteDemoStore;
import com.capidemo.local.SqliteEventPublisher;
import com.capidemo.local.SqliteJobStore;
import com.capidemo.local.SqliteLifecycleRunStore;
import com.capidemo.local.SqliteNotificationStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle part of {@code bench/run} (not a test of the normal build: the name does not end in Test): one cleanup
 * over 100,000 demos in a real SQLite store, of which 10,000 are due for archival and 1,000 for deletion (each with a
 * dataset folder and an agent), the rest recent, pinned, recently archived or deleted. Measures the run's duration
 * and the JVM's heap while it runs (bench/run starts this JVM with -Xmx256m, so finishing at all means the cleanup
 * fits in 256 MB), and writes {@code bench.results} (default ../bench/results) lifecycle-latest.json and .md.
 */
class CleanupBench {

    static final int TOTAL = 100_000;
    static final int ARCHIVABLE = 10_000;
    static final int DELETABLE = 1_000;
    static final int PINNED_OLD = 5_000;
    static final int ARCHIVED_RECENTLY = 3_000;
    static final int DELETED = 1_000;

    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        Instant now = Instant.parse("2031-01-10T02:00:00Z");
        MutableClock clock = new MutableClock(now);
        SqliteDatabase db = new SqliteDatabase(dir.resolve("platform.db"));
        LocalDatasetFolders datasets = new LocalDatasetFolders(dir.resolve("warehouse"), clock);
        long seedStart = System.nanoTime();
        seed(db, datasets, now);
        long seedMs = (System.nanoTime() - seedStart) / 1_000_000;

        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        Cleanup cleanup = new LifecycleWiring(
                        new SqliteDemoStore(db, Clock.systemUTC()),
                        new SqliteJobStore(db, Clock.systemUTC()),
                        new SqliteNotificationStore(db),
                        new SqliteLifecycleRunStore(db),
                        datasets,
                        new LocalDataAgents(db, Clock.systemUTC()),
                        new SqliteEventPublisher(db, Clock.systemUTC()),
                        clock,
                        LifecyclePolicy.defaults(),
                        metrics)
                .cleanup();

        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        long t0 = System.nanoTime();
        CleanupReport report = cleanup.run(RunRecorder.HTTP);
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        sampler.stop();

        long poolPeaks = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        long maxHeap = Runtime.getRuntime().maxMemory();
        write(report, wallMs, seedMs, sampler.peak(), poolPeaks, maxHeap);

        assertThat(report.archived()).isEqualTo(ARCHIVABLE);
        assertThat(report.deleted()).isEqualTo(DELETABLE);
        assertThat(report.errors()).isZero();
    }

    /** 100,000 demos in one transaction, as the store writes them (raw inserts: the seeding is not measured). */
    private static void seed(SqliteDatabase db, LocalDatasetFolders datasets, Instant now) throws IOException {
        db.write(c -> {
            try (var st = c.prepareStatement("""
                    INSERT INTO demos(demo_id, tenant_id, created_by, customer_name, industry, template_id, dataset_id,
                                      agent_id, status, created_at, last_used, archived_at, is_pinned, metadata,
                                      updated_at, table_count, total_rows)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'{"table_count":15,"total_rows":145000}',?,15,145000)""");
                    var agent = c.prepareStatement("""
                    INSERT INTO data_agents(agent_id, demo_id, tenant_id, dataset_id, tables, system_instruction,
                                            created_at) VALUES (?,?,?,?,'["orders"]','', ?)""")) {
                for (int i = 0; i < TOTAL; i++) {
                    String id = String.format(Locale.ROOT, "demo_%016x", 0x1000_0000_0000L + i * 7919L);
                    String status = "ready";
                    Duration unused = Duration.ofDays(i % 80).plusHours(i % 24); // recent: 0–80 days
                    Duration archived = null;
                    boolean pinned = false;
                    int kind = i % 100; // spread each kind over the id space
                    if (kind < 10) {
                        unused = Duration.ofDays(91 + i % 60); // 10 %: due for archival
                    } else if (kind == 10) {
                        status = "archived"; // 1 %: archived 180+ days ago
                        unused = Duration.ofDays(300);
                        archived = Duration.ofDays(180 + i % 100);
                    } else if (kind < 16) {
                        unused = Duration.ofDays(200); // 5 %: pinned, unused long ago
                        pinned = true;
                    } else if (kind < 19) {
                        status = "archived"; // 3 %: archived recently
                        unused = Duration.ofDays(120);
                        archived = Duration.ofDays(i % 170);
                    } else if (kind == 19) {
                        status = "deleted"; // 1 %: deleted before
                        unused = Duration.ofDays(400);
                        archived = Duration.ofDays(200);
                    }
                    Instant lastUsed = now.minus(unused);
                    st.setString(1, id);
                    st.setString(2, "tenant_" + (i % 50));
                    st.setString(3, "ce" + (i % 400) + "@example.com");
                    st.setString(4, "Customer " + i);
                    st.setString(5, "Retail");
                    st.setString(6, i % 3 == 0 ? "shopify" : i % 3 == 1 ? "banking" : "saas");
                    st.setString(7, status.equals("deleted") ? null : id);
                    st.setString(8, status.equals("deleted") ? null : "agent_" + id);
                    st.setString(9, status);
                    st.setLong(10, lastUsed.minus(Duration.ofDays(1)).toEpochMilli());
                    st.setLong(11, lastUsed.toEpochMilli());
                    if (archived == null) {
                        st.setNull(12, java.sql.Types.INTEGER);
                    } else {
                        st.setLong(12, now.minus(archived).toEpochMilli());
                    }
                    st.setInt(13, pinned ? 1 : 0);
                    st.setLong(14, lastUsed.toEpochMilli());
                    st.addBatch();
                    if (kind == 10) {
                        agent.setString(1, "agent_" + id);
                        agent.setString(2, id);
                        agent.setString(3, "tenant_" + (i % 50));
                        agent.setString(4, id);
                        agent.setLong(5, now.toEpochMilli());
                        agent.addBatch();
                    }
                    if (i % 5000 == 4999) {
                        st.executeBatch();
                        agent.executeBatch();
                    }
                }
                st.executeBatch();
                agent.executeBatch();
            }
            return null;
        });
        // The datasets cleanup drops: one folder with a table file per demo due for deletion.
        for (int i = 0; i < TOTAL; i++) {
            if (i % 100 == 10) {
                String id = String.format(Locale.ROOT, "demo_%016x", 0x1000_0000_0000L + i * 7919L);
                datasets.createDataset(id, Map.of("demo", id));
                Path table = Files.createDirectories(datasets.folder(id).resolve("orders"));
                Files.writeString(table.resolve("data.parquet"), "x".repeat(1024));
            }
        }
    }

    private static void write(CleanupReport r, long wallMs, long seedMs, long sampledPeak, long poolPeaks, long maxHeap)
            throws IOException {
        Path out = Path.of(System.getProperty("bench.results", "../bench/results"))
                .toAbsolutePath()
                .normalize();
        Files.createDirectories(out);
        double mb = 1024.0 * 1024.0;
        String json = String.format(
                Locale.ROOT,
                "{\"date\":\"%s\",\"cores\":%d,\"java\":\"%s\",\"demos\":%d,"
                        + "\"archived\":%d,\"deleted\":%d,\"temp_datasets_dropped\":%d,\"errors\":%d,\"duration_ms\":%d,"
                        + "\"wall_ms\":%d,\"peak_heap_used_mb\":%.1f,\"heap_pool_peaks_mb\":%.1f,\"max_heap_mb\":%.0f,"
                        + "\"seed_ms\":%d,\"target\":{\"duration_s\":20,\"heap_mb\":256}}\n",
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                TOTAL,
                r.archived(),
                r.deleted(),
                r.tempDatasetsDropped(),
                r.errors(),
                r.durationMs(),
                wallMs,
                sampledPeak / mb,
                poolPeaks / mb,
                maxHeap / mb,
                seedMs);
        String md = String.format(
                Locale.ROOT,
                """
                # Lifecycle cleanup benchmark

                - Date: %s
                - Machine: %d cores, Java %s, max heap %.0f MB (-Xmx)
                - What: one POST /api/admin/cleanup run (the service's Cleanup in process) over %,d demos in SQLite:
                  %,d due for archival, %,d archived 180+ days ago (dataset folder + agent each), %,d pinned and unused,
                  %,d archived recently, %,d deleted before, the rest used within 80 days. Pages of 500.

                | measurement | value | target |
                |---|---:|---|
                | cleanup duration (run's duration_ms) | %,d ms | < 20 s |
                | peak heap used while it ran (sampled every 5 ms) | %.1f MB | < 256 MB |
                | sum of the heap pools' peaks (upper bound) | %.1f MB | — |
                | archived / deleted / temp datasets dropped / errors | %d / %d / %d / %d | %d / %d / 0 / 0 |
                """,
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                maxHeap / mb,
                TOTAL,
                ARCHIVABLE,
                DELETABLE,
                PINNED_OLD,
                ARCHIVED_RECENTLY,
                DELETED,
                r.durationMs(),
                sampledPeak / mb,
                poolPeaks / mb,
                r.archived(),
                r.deleted(),
                r.tempDatasetsDropped(),
                r.errors(),
                ARCHIVABLE,
                DELETABLE);
        Files.writeString(out.resolve("lifecycle-latest.json"), json);
        Files.writeString(out.resolve("lifecycle-latest.md"), md);
        System.out.println(md);
    }

    /** Samples the JVM's used heap while the run goes on and keeps the highest value. */
    private static final class HeapSampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread = new Thread(
                () -> {
                    while (running.get()) {
                        peak.accumulateAndGet(
                                ManagementFactory.getMemoryMXBean()
                                        .getHeapMemoryUsage()
                                        .getUsed(),
                                Math::max);
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
            peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        long peak() {
            return peak.get();
        }
    }
}
