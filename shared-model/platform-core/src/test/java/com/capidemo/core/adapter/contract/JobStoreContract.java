package com.capidemo.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobLog;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.port.ClaimOutcome;
import com.capidemo.core.port.ClaimOutcome.Kind;
import com.capidemo.core.port.DuplicateJobException;
import com.capidemo.core.port.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobStore} adapter must do, run against each of them (SQLite here, the Firestore
 * emulator with -Pemulators): the same assertions, so the adapters are interchangeable.
 */
public abstract class JobStoreContract {

    /** The adapter under test, reading time from {@code clock}. */
    protected abstract JobStore store(Clock clock);

    protected JobStore store() {
        return store(Clock.systemUTC());
    }

    protected Job queuedJob() {
        Job job = Job.queued(
                Ids.jobId(),
                Ids.demoId(),
                "acme",
                new JobPayload.Quick("shopify", null, null),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(store().create(job)).isTrue();
        return job;
    }

    @Test
    void theUnfinishedJobOfADemoOrOfACloneCopyingItIsFound() {
        Job own = queuedJob();
        assertThat(store().activeJobFor(own.demoId())).contains(own.jobId());
        assertThat(store().activeJobFor("demo_nobody")).isEmpty();

        String source = Ids.demoId();
        Job clone = Job.queued(
                Ids.jobId(),
                Ids.demoId(),
                "acme",
                new JobPayload.Clone(source, null, null, "ce@acme.example"),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(store().create(clone)).isTrue();
        assertThat(store().activeJobFor(source))
                .as("the source of a running clone")
                .contains(clone.jobId());
        assertThat(store().find(clone.jobId()).orElseThrow().createdBy()).isEqualTo("ce@acme.example");

        store().claim(clone.jobId(), "w1", Duration.ofMinutes(1));
        assertThat(store().activeJobFor(source)).as("running").contains(clone.jobId());
        store().complete(clone.jobId(), "w1", Map.of(), null);
        assertThat(store().activeJobFor(source)).as("finished").isEmpty();
        store().fail(own.jobId(), null, "given up");
        assertThat(store().activeJobFor(own.demoId())).isEmpty();
    }

    @Test
    void aCreatedJobReadsBackAsWritten() {
        Job job = queuedJob();
        Job read = store().find(job.jobId()).orElseThrow();
        assertThat(read.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(read.tenantId()).isEqualTo("acme");
        assertThat(read.payload()).isEqualTo(new JobPayload.Quick("shopify", null, null));
        assertThat(read.createdAt()).isEqualTo(job.createdAt());
        assertThat(read.logs()).hasSize(1);
        assertThat(store().create(job)).as("a second create of the same id").isFalse();
        assertThat(store().listByTenant("acme", 500)).extracting(Job::jobId).contains(job.jobId());
    }

    @Test
    void eightThreadsRacingToClaimOneJobProduceExactlyOneWinner() throws Exception {
        Job job = queuedJob();
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<ClaimOutcome>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            JobStore own = store();
            String owner = "worker-" + i;
            results.add(pool.submit((Callable<ClaimOutcome>) () -> {
                start.await();
                return own.claim(job.jobId(), owner, Duration.ofMinutes(1));
            }));
        }
        start.countDown();
        List<Kind> kinds = new ArrayList<>();
        for (Future<ClaimOutcome> f : results) {
            kinds.add(f.get(60, TimeUnit.SECONDS).kind());
        }
        pool.shutdown();

        assertThat(kinds).filteredOn(k -> k == Kind.CLAIMED).hasSize(1);
        assertThat(kinds).filteredOn(k -> k == Kind.LEASED_BY_OTHER).hasSize(racers - 1);
        Job claimed = store().find(job.jobId()).orElseThrow();
        assertThat(claimed.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(claimed.attempts()).isEqualTo(1);
    }

    @Test
    void aRunningJobCanBeReclaimedOnlyAfterItsLeaseExpired() {
        Job job = queuedJob();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        JobStore timed = store(clock);

        assertThat(timed.claim(job.jobId(), "a", Duration.ofSeconds(30)).kind()).isEqualTo(Kind.CLAIMED);
        clock.advance(Duration.ofSeconds(29));
        assertThat(timed.claim(job.jobId(), "b", Duration.ofSeconds(30)).kind()).isEqualTo(Kind.LEASED_BY_OTHER);
        clock.advance(Duration.ofSeconds(2));
        ClaimOutcome reclaimed = timed.claim(job.jobId(), "b", Duration.ofSeconds(30));

        assertThat(reclaimed.kind()).isEqualTo(Kind.CLAIMED);
        assertThat(reclaimed.job().lease().owner()).isEqualTo("b");
        assertThat(reclaimed.job().attempts()).isEqualTo(2);
        // The first owner lost the job: it can neither renew nor complete it.
        assertThat(timed.heartbeat(job.jobId(), "a", Duration.ofSeconds(30), 50, "loading", List.of()))
                .isFalse();
        assertThat(timed.complete(job.jobId(), "a", Map.of(), null)).isFalse();
        assertThat(timed.complete(job.jobId(), "b", Map.of("demo_id", job.demoId()), null))
                .isTrue();
    }

    @Test
    void recentQuickDurationsAreThoseOfTheTemplatesCompletedQuickJobsNewestFirst() {
        String template = "tpl_" + Ids.jobId().substring(4, 12);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        JobStore timed = store(clock);
        long[] seconds = {3, 1, 2};
        for (long s : seconds) {
            Job job = Job.queued(
                    Ids.jobId(), Ids.demoId(), "acme", new JobPayload.Quick(template, null, null), clock.instant());
            assertThat(timed.create(job)).isTrue();
            timed.claim(job.jobId(), "w", Duration.ofSeconds(30));
            clock.advance(Duration.ofSeconds(s));
            assertThat(timed.complete(job.jobId(), "w", Map.of("demo_id", job.demoId()), null))
                    .isTrue();
            clock.advance(Duration.ofMinutes(1));
        }
        // Neither a failed quick job, an unfinished one nor another template's job counts.
        Job failed = Job.queued(
                Ids.jobId(), Ids.demoId(), "acme", new JobPayload.Quick(template, null, null), clock.instant());
        timed.create(failed);
        timed.claim(failed.jobId(), "w", Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(50));
        timed.fail(failed.jobId(), "w", "broken");
        Job queued = Job.queued(
                Ids.jobId(), Ids.demoId(), "acme", new JobPayload.Quick(template, null, null), clock.instant());
        timed.create(queued);

        assertThat(timed.recentQuickDurations(template, 10))
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(timed.recentQuickDurations(template, 2))
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertThat(timed.recentQuickDurations(template + "_other", 10)).isEmpty();
    }

    @Test
    void heartbeatsRenewTheLeaseSoALiveWorkerKeepsItsJob() {
        Job job = queuedJob();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        JobStore timed = store(clock);
        timed.claim(job.jobId(), "a", Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(8));
        assertThat(timed.heartbeat(
                        job.jobId(),
                        "a",
                        Duration.ofSeconds(10),
                        40,
                        "loading_tables",
                        List.of(JobLog.info(clock.instant(), "table 1"), JobLog.info(clock.instant(), "table 2"))))
                .isTrue();
        clock.advance(Duration.ofSeconds(8));

        assertThat(timed.claim(job.jobId(), "b", Duration.ofSeconds(10)).kind()).isEqualTo(Kind.LEASED_BY_OTHER);
        Job seen = timed.find(job.jobId()).orElseThrow();
        assertThat(seen.progress()).isEqualTo(40);
        assertThat(seen.currentPhase()).isEqualTo("loading_tables");
        assertThat(seen.logs()).extracting(JobLog::message).contains("table 1", "table 2");
    }

    @Test
    void finishedJobsAreReportedAsSuchAndNeverChangeAgain() {
        Job job = queuedJob();
        store().claim(job.jobId(), "a", Duration.ofMinutes(1));
        assertThat(store().complete(job.jobId(), "a", Map.of("demo_id", job.demoId()), null))
                .isTrue();

        assertThat(store().claim(job.jobId(), "b", Duration.ofMinutes(1)).kind())
                .isEqualTo(Kind.ALREADY_FINISHED);
        assertThat(store().fail(job.jobId(), null, "late failure")).isFalse();
        assertThat(store().complete(job.jobId(), "a", Map.of(), null)).isFalse();
        Job done = store().find(job.jobId()).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.result()).containsEntry("demo_id", job.demoId());
        assertThat(done.completedAt()).isNotNull();
    }

    @Test
    void aQueuedJobCanBeFailedButNotCompleted() {
        Job job = queuedJob();
        assertThat(store().complete(job.jobId(), "a", Map.of(), null)).isFalse();
        assertThat(store().fail(job.jobId(), "someone", "owner check")).isFalse();
        assertThat(store().fail(job.jobId(), null, "dead-lettered")).isTrue();
        Job failed = store().find(job.jobId()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("dead-lettered");
        assertThat(failed.logs()).extracting(JobLog::level).contains("ERROR");
    }

    @Test
    void releasingALeaseLetsTheNextDeliveryClaimAtOnce() {
        Job job = queuedJob();
        store().claim(job.jobId(), "a", Duration.ofMinutes(10));
        assertThat(store().release(job.jobId(), "b", null)).isFalse();
        assertThat(store().release(job.jobId(), "a", JobLog.info(Instant.now(), "transient")))
                .isTrue();
        assertThat(store().claim(job.jobId(), "b", Duration.ofMinutes(10)).kind())
                .isEqualTo(Kind.CLAIMED);
    }

    @Test
    void aDeferredReleaseTakesBackTheClaimsAttemptAndTheNextDeliveryClaimsAtOnce() {
        Job job = queuedJob();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        JobStore timed = store(clock);
        assertThat(timed.claim(job.jobId(), "a", Duration.ofMinutes(10)).job().attempts())
                .isEqualTo(1);

        assertThat(timed.releaseDeferred(job.jobId(), "a", JobLog.info(clock.instant(), "waiting for the quota")))
                .isTrue();

        Job deferred = timed.find(job.jobId()).orElseThrow();
        assertThat(deferred.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(deferred.attempts()).as("the claim's attempt taken back").isZero();
        assertThat(deferred.currentPhase()).isEqualTo("deferred");
        assertThat(deferred.lease()).as("no owner left").isNull();
        assertThat(deferred.logs()).extracting(JobLog::message).contains("waiting for the quota");
        assertThat(timed.heartbeat(job.jobId(), "a", Duration.ofMinutes(10), 10, "asking", List.of()))
                .as("the deferring owner holds nothing any more")
                .isFalse();
        assertThat(timed.complete(job.jobId(), "a", Map.of(), null)).isFalse();
        ClaimOutcome next = timed.claim(job.jobId(), "b", Duration.ofMinutes(10));
        assertThat(next.kind()).as("at once, on the same clock").isEqualTo(Kind.CLAIMED);
        assertThat(next.job().attempts()).isEqualTo(1);
    }

    @Test
    void onlyTheLeaseOwnerCanReleaseDeferredAndOnlyOncePerClaim() {
        Job job = queuedJob();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        JobStore timed = store(clock);
        assertThat(timed.releaseDeferred(job.jobId(), "a", null))
                .as("a queued job")
                .isFalse();
        timed.claim(job.jobId(), "a", Duration.ofSeconds(30));
        assertThat(timed.releaseDeferred(job.jobId(), "b", null))
                .as("not the owner")
                .isFalse();

        clock.advance(Duration.ofSeconds(31));
        assertThat(timed.claim(job.jobId(), "b", Duration.ofSeconds(30)).kind()).isEqualTo(Kind.CLAIMED);
        assertThat(timed.releaseDeferred(job.jobId(), "a", null))
                .as("a stale owner, after another claim")
                .isFalse();
        Job takenOver = timed.find(job.jobId()).orElseThrow();
        assertThat(takenOver.attempts()).isEqualTo(2);
        assertThat(takenOver.lease().owner()).isEqualTo("b");
        assertThat(takenOver.lease().isLiveAt(clock.instant())).isTrue();

        assertThat(timed.releaseDeferred(job.jobId(), "b", null)).isTrue();
        assertThat(timed.releaseDeferred(job.jobId(), "b", null))
                .as("a second call for the same claim")
                .isFalse();
        assertThat(timed.find(job.jobId()).orElseThrow().attempts()).isEqualTo(1);

        timed.claim(job.jobId(), "c", Duration.ofSeconds(30));
        assertThat(timed.complete(job.jobId(), "c", Map.of(), null)).isTrue();
        assertThat(timed.releaseDeferred(job.jobId(), "c", null))
                .as("a finished job")
                .isFalse();
        assertThat(timed.find(job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(timed.find(job.jobId()).orElseThrow().attempts()).isEqualTo(2);
        assertThat(timed.releaseDeferred("job_missing", "a", null)).isFalse();
    }

    @Test
    void eightThreadsRacingToReleaseOneClaimDeferredTakeBackExactlyOneAttempt() throws Exception {
        Job job = queuedJob();
        store().claim(job.jobId(), "a", Duration.ofMinutes(10));
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            JobStore own = store();
            results.add(pool.submit(() -> {
                start.await();
                return own.releaseDeferred(job.jobId(), "a", null);
            }));
        }
        start.countDown();
        List<Boolean> released = new ArrayList<>();
        for (Future<Boolean> f : results) {
            released.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(released).filteredOn(r -> r).hasSize(1);
        assertThat(store().find(job.jobId()).orElseThrow().attempts()).isZero();
    }

    private Job keyedJob(String exclusiveKey) {
        return Job.queued(
                Ids.jobId(),
                Ids.demoId(),
                "acme",
                new JobPayload.Pipeline(exclusiveKey, null, null, null, null, null, null),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    /** Unique per test, with a '/' as pipeline ids have. */
    private static String exclusiveKey() {
        return "acme/shopify/orders/" + Ids.randomHex(6);
    }

    @Test
    void aSecondJobWithTheSameExclusiveKeyIsRefusedWhileTheFirstIsQueuedOrRunning() {
        String key = exclusiveKey();
        Job first = keyedJob(key);
        assertThat(store().create(first)).isTrue();

        assertThatThrownBy(() -> store().create(keyedJob(key)))
                .isInstanceOfSatisfying(DuplicateJobException.class, e -> {
                    assertThat(e.exclusiveKey()).isEqualTo(key);
                    assertThat(e.activeJobId()).isEqualTo(first.jobId());
                });
        store().claim(first.jobId(), "a", Duration.ofMinutes(1));
        Job whileRunning = keyedJob(key);
        assertThatThrownBy(() -> store().create(whileRunning))
                .isInstanceOfSatisfying(
                        DuplicateJobException.class,
                        e -> assertThat(e.activeJobId()).isEqualTo(first.jobId()));
        assertThat(store().find(whileRunning.jobId())).as("the refused job").isEmpty();
        assertThat(store().create(keyedJob(exclusiveKey()))).as("another key").isTrue();
    }

    @Test
    void aCompletedOrFailedHolderFreesTheExclusiveKey() {
        String key = exclusiveKey();
        Job first = keyedJob(key);
        store().create(first);
        store().claim(first.jobId(), "a", Duration.ofMinutes(1));
        assertThat(store().complete(first.jobId(), "a", Map.of(), null)).isTrue();

        Job second = keyedJob(key);
        assertThat(store().create(second)).isTrue();
        assertThat(store().fail(second.jobId(), null, "dead-lettered")).isTrue();

        Job third = keyedJob(key);
        assertThat(store().create(third)).isTrue();
        assertThatThrownBy(() -> store().create(keyedJob(key)))
                .isInstanceOfSatisfying(
                        DuplicateJobException.class,
                        e -> assertThat(e.activeJobId()).isEqualTo(third.jobId()));
    }

    @Test
    void twentyThreadsRacingToCreateJobsWithOneExclusiveKeyCreateExactlyOne() throws Exception {
        String key = exclusiveKey();
        int racers = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            JobStore own = store();
            Job job = keyedJob(key);
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return own.create(job) ? "created " + job.jobId() : "exists";
                } catch (DuplicateJobException e) {
                    return "duplicate of " + e.activeJobId();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<String> created =
                outcomes.stream().filter(o -> o.startsWith("created ")).toList();
        assertThat(created).hasSize(1);
        String winner = created.get(0).substring("created ".length());
        assertThat(outcomes).filteredOn(o -> o.equals("duplicate of " + winner)).hasSize(racers - 1);
    }

    @Test
    void unknownJobsAreNotFound() {
        assertThat(store().claim("job_missing", "a", Duration.ofMinutes(1)).kind())
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(store().find("job_missing")).isEmpty();
    }

    /** A clock tests move by hand, to expire leases without waiting. */
    public static final class MutableClock extends Clock {
        private Instant now;

        public MutableClock(Instant now) {
            this.now = now;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
