package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.adapter.contract.JobStoreContract;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.port.ClaimOutcome;
import com.capidemo.core.port.ClaimOutcome.Kind;
import com.capidemo.core.port.JobStore;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job store contract on SQLite, plus what only SQLite can show: races across connections and JVMs. */
class SqliteJobStoreTest extends JobStoreContract {

    @TempDir
    Path dir;

    private SqliteDatabase db;
    private SqliteJobStore store;

    @BeforeEach
    void open() {
        db = new SqliteDatabase(dir.resolve("platform.db"));
        store = new SqliteJobStore(db, Clock.systemUTC());
    }

    @Override
    protected JobStore store(Clock clock) {
        return new SqliteJobStore(db, clock);
    }

    @Test
    void eightSeparateConnectionsRacingToClaimOneJobProduceExactlyOneWinner() throws Exception {
        Job job = StoreFixtures.queuedJob(db, "acme");
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<ClaimOutcome>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            // A database object per racer: separate connections and no shared in-process lock,
            // so the race is decided by SQLite itself, as between processes.
            SqliteJobStore own = new SqliteJobStore(new SqliteDatabase(dir.resolve("platform.db")), Clock.systemUTC());
            String owner = "worker-" + i;
            results.add(pool.submit((Callable<ClaimOutcome>) () -> {
                start.await();
                return own.claim(job.jobId(), owner, Duration.ofMinutes(1));
            }));
        }
        start.countDown();
        List<Kind> kinds = new ArrayList<>();
        for (Future<ClaimOutcome> f : results) {
            kinds.add(f.get(30, TimeUnit.SECONDS).kind());
        }
        pool.shutdown();

        assertThat(kinds).filteredOn(k -> k == Kind.CLAIMED).hasSize(1);
        assertThat(kinds).filteredOn(k -> k == Kind.LEASED_BY_OTHER).hasSize(racers - 1);
        Job claimed = store.find(job.jobId()).orElseThrow();
        assertThat(claimed.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(claimed.attempts()).isEqualTo(1);
    }

    @Test
    void twoJvmProcessesRacingToClaimOneJobProduceExactlyOneWinner() throws Exception {
        Job job = StoreFixtures.queuedJob(db, "acme");
        long startAt = System.currentTimeMillis() + 2_500;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            ClaimRacer.class.getName(),
                            dir.resolve("platform.db").toString(),
                            job.jobId(),
                            "jvm-" + i,
                            Long.toString(startAt))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
        }
        List<String> outcomes = new ArrayList<>();
        for (Process p : processes) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            outcomes.add(out.lines()
                    .filter(l -> l.startsWith("OUTCOME "))
                    .findFirst()
                    .orElse(out));
        }
        assertThat(outcomes).containsExactlyInAnyOrder("OUTCOME CLAIMED", "OUTCOME LEASED_BY_OTHER");
        assertThat(store.find(job.jobId()).orElseThrow().lease().owner()).startsWith("jvm-");
        assertThat(new File(dir.toFile(), "platform.db")).exists();
    }

    @Test
    void migrationsRunOnceAcrossReopens() {
        Job job = StoreFixtures.queuedJob(db, "acme");
        SqliteJobStore reopened = new SqliteJobStore(new SqliteDatabase(dir.resolve("platform.db")), Clock.systemUTC());
        assertThat(reopened.find(job.jobId())).isPresent();
    }
}
