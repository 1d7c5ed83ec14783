package com.capidemo.core.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobLog;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.port.ClaimOutcome;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.EventPublisher;
import com.capidemo.core.service.LeaseLostException;
import com.capidemo.core.testing.InMemoryJobStore;
import com.capidemo.core.testing.MutableClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The claim → perform → complete | fail | release skeleton both provisioners run, on an in-memory store and clock. */
class JobRunnerTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String ME = "worker-me";

    private final MutableClock clock = MutableClock.at("2026-06-01T10:00:00Z");
    private final InMemoryJobStore jobs = new InMemoryJobStore(clock);
    private final Map<String, String> failedDemos = new LinkedHashMap<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<Duration> sleeps = new ArrayList<>();
    /** What happens while this worker sleeps: time passes (and other workers may act). */
    private Runnable whileAsleep = () -> {};
    /** Events published on provision-events: "{event id} {data}". */
    private final List<String> published = new ArrayList<>();

    private RuntimeException publishFailure;
    private final JobRunner runner = new JobRunner(
            jobs,
            demoStoreRecordingFailures(),
            (topic, id, attributes, data) -> {
                if (publishFailure != null) {
                    throw publishFailure;
                }
                assertThat(topic).isEqualTo(EventPublisher.PROVISION_EVENTS);
                assertThat(attributes).containsKeys("job_type", "tenant_id", "status");
                published.add(id + " " + new String(data, StandardCharsets.UTF_8));
            },
            ME,
            LEASE,
            metrics,
            clock,
            d -> {
                sleeps.add(d);
                clock.advance(d);
                whileAsleep.run();
            });

    @AfterEach
    void noMdcLeftBehind() {
        assertThat(MDC.getMap()).doesNotContainKeys("job_id", "tenant_id", "demo_id", "message_id");
    }

    /** A work that answers with {@code perform} and judges failures with {@code judge}, recording its hooks. */
    private static final class Work implements JobWork {
        final Function<Job, Completion> perform;
        final Function<RuntimeException, FailureVerdict> judge;
        final List<String> hooks = new ArrayList<>();
        boolean waits;
        int performed;
        Map<String, Object> mdcDuringWork;

        Work(Function<Job, Completion> perform, Function<RuntimeException, FailureVerdict> judge) {
            this.perform = perform;
            this.judge = judge;
        }

        static Work completing() {
            return new Work(
                    job -> new Completion(Map.of("demo_id", job.demoId()), "Provisioning complete"),
                    e -> FailureVerdict.permanent(e.getMessage()));
        }

        static Work throwing(RuntimeException failure, Function<RuntimeException, FailureVerdict> judge) {
            return new Work(
                    job -> {
                        throw failure;
                    },
                    judge);
        }

        @Override
        public Tags metricTags(Job job) {
            return Tags.of("type", "quick", "template", String.valueOf(job.templateId()));
        }

        @Override
        public Completion perform(Job job) {
            performed++;
            mdcDuringWork = Map.copyOf(MDC.getMap());
            return perform.apply(job);
        }

        @Override
        public FailureVerdict judge(Job job, RuntimeException failure) {
            return judge.apply(failure);
        }

        @Override
        public boolean waitsForStaleLease() {
            return waits;
        }

        @Override
        public void finishedEarlier(Job job) {
            hooks.add("finished-earlier " + job.status().wire());
        }

        @Override
        public void completed(Job job) {
            hooks.add("completed");
        }

        @Override
        public void failed(Job job, String reason) {
            hooks.add("failed: " + reason);
        }
    }

    private DemoStore demoStoreRecordingFailures() {
        return (DemoStore) Proxy.newProxyInstance(
                DemoStore.class.getClassLoader(), new Class<?>[] {DemoStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("markFailed")) {
                        failedDemos.put((String) args[0], (String) args[1]);
                        return true;
                    }
                    throw new UnsupportedOperationException("the runner only marks demos failed: " + method.getName());
                });
    }

    private Job queued() {
        Job job = Job.queued(
                Ids.jobId(), Ids.demoId(), "acme", new JobPayload.Quick("shopify", null, null), clock.instant());
        assertThat(jobs.create(job)).isTrue();
        return job;
    }

    private DeliveryOutcome deliver(Job job, Work work) {
        return runner.handle(job.jobId(), Map.of("message_id", "m-1"), work);
    }

    private double count(String outcome) {
        var counter = metrics.find("provision.count")
                .tags("type", "quick", "template", "shopify", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private long timed(String outcome) {
        var timer = metrics.find("provision.duration")
                .tags("type", "quick", "template", "shopify", "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private Job stored(Job job) {
        return jobs.find(job.jobId()).orElseThrow();
    }

    @Test
    void aClaimedJobIsPerformedOnceCompletedAndCountedAsCompleted() {
        Job job = queued();
        Work work = Work.completing();

        assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.DONE);

        Job done = stored(job);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.result()).containsEntry("demo_id", job.demoId());
        assertThat(done.logs()).extracting(JobLog::message).contains("Provisioning complete");
        assertThat(done.logs()).last().extracting(JobLog::ts).isEqualTo(clock.instant());
        assertThat(work.performed).isEqualTo(1);
        assertThat(work.hooks).containsExactly("completed");
        assertThat(count("completed")).isEqualTo(1);
        assertThat(timed("completed")).isEqualTo(1);
        assertThat(failedDemos).isEmpty();
    }

    @Test
    void theJobsIdsAndTheDeliveryContextAreInTheMdcDuringTheWorkAndClearedAfter() {
        Job job = queued();
        Work work = Work.completing();

        deliver(job, work);

        assertThat(work.mdcDuringWork)
                .containsEntry("job_id", job.jobId())
                .containsEntry("tenant_id", "acme")
                .containsEntry("demo_id", job.demoId())
                .containsEntry("message_id", "m-1");
        assertThat(MDC.get("job_id")).isNull();
    }

    @Test
    void theMdcIsClearedWhenTheWorkerThrowsOutOfItsJudgement() {
        Job job = queued();
        Work work = Work.throwing(new IllegalStateException("broken"), e -> {
            throw new IllegalArgumentException("the judge broke too");
        });

        assertThatThrownBy(() -> deliver(job, work)).hasMessage("the judge broke too");
        assertThat(MDC.get("job_id")).isNull();
        assertThat(MDC.get("message_id")).isNull();
    }

    @Test
    void aDeliveryForAnUnknownJobIsDoneWithoutWorkOrMetrics() {
        Work work = Work.completing();

        assertThat(runner.handle("job_missing", Map.of(), work)).isEqualTo(DeliveryOutcome.DONE);

        assertThat(work.performed).isZero();
        assertThat(work.hooks).isEmpty();
        assertThat(metrics.find("provision.count").counters()).isEmpty();
    }

    @Test
    void aRedeliveryOfAFinishedJobIsDoneAndOnlyTellsTheWorker() {
        Job job = queued();
        deliver(job, Work.completing());
        Job first = stored(job);
        Work again = Work.completing();

        assertThat(deliver(job, again)).isEqualTo(DeliveryOutcome.DONE);

        assertThat(again.performed).isZero();
        assertThat(again.hooks).containsExactly("finished-earlier completed");
        assertThat(stored(job)).isEqualTo(first);
        assertThat(count("completed")).isEqualTo(1);
    }

    @Test
    void aJobLeasedByAnotherWorkerIsRefusedAtOnceForRedeliveryByAWorkerThatDoesNotWait() {
        Job job = queued();
        jobs.claim(job.jobId(), "other-worker", LEASE);
        Work work = Work.completing();

        assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.RETRY);

        assertThat(work.performed).isZero();
        assertThat(sleeps).isEmpty();
        assertThat(stored(job).lease().owner()).isEqualTo("other-worker");
        assertThat(metrics.find("provision.count").counters()).isEmpty();
    }

    @Test
    void aWaitingWorkerTakesOverAStaleLeaseWhenTheClockPassesItsExpiry() {
        Job job = queued();
        jobs.claim(job.jobId(), "dead-worker", LEASE);
        clock.advance(Duration.ofSeconds(10));
        Work work = Work.completing();
        work.waits = true;

        assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.DONE);

        assertThat(sleeps).containsExactly(Duration.ofMillis(20_050)); // the 20 s left on the lease, and 50 ms
        Job done = stored(job);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.logs()).extracting(JobLog::message).contains("Claimed by worker " + ME);
    }

    @Test
    void aWaitingWorkerGivesUpOnALeaseItsOwnerKeepsRenewingAfterTwoLeasePeriods() {
        Job job = queued();
        jobs.claim(job.jobId(), "live-worker", LEASE);
        whileAsleep = () -> jobs.heartbeat(job.jobId(), "live-worker", LEASE, 10, "running", List.of());
        var start = clock.instant();
        Work work = Work.completing();
        work.waits = true;

        assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.RETRY);

        Duration waited = Duration.between(start, clock.instant());
        assertThat(waited).isEqualTo(LEASE.multipliedBy(2).plusSeconds(1));
        assertThat(sleeps).hasSizeGreaterThan(1).allSatisfy(d -> assertThat(d).isPositive());
        assertThat(work.performed).isZero();
        assertThat(stored(job).lease().owner()).isEqualTo("live-worker");
    }

    @Test
    void aWaitingWorkerWaitsAtLeastATenthOfASecondBetweenClaims() {
        Job job = queued();
        jobs.claim(job.jobId(), "dead-worker", LEASE);
        clock.advance(LEASE.minusMillis(80)); // 80 ms left: 130 ms would be asked, 100 ms is the floor only below that
        Work work = Work.completing();
        work.waits = true;

        deliver(job, work);
        assertThat(sleeps).containsExactly(Duration.ofMillis(130));

        Job next = queued();
        jobs.claim(next.jobId(), "dead-worker", LEASE);
        clock.advance(LEASE.minusMillis(10));
        sleeps.clear();
        deliver(next, work);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void aLeaseLostDuringTheWorkEndsTheDeliveryWithoutFailingTheJob() {
        Job job = queued();
        Work work = Work.throwing(new LeaseLostException(job.jobId()), e -> {
            throw new AssertionError("a lost lease is not judged");
        });

        assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.DONE);

        assertThat(stored(job).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(failedDemos).isEmpty();
        assertThat(work.hooks).isEmpty();
        assertThat(count("lease_lost")).isEqualTo(1);
        assertThat(timed("lease_lost")).isEqualTo(1);
    }

    @Test
    void aCompletionRefusedBecauseAnotherWorkerTookTheJobOverIsALostLease() {
        Job job = queued();
        Work work = new Work(
                j -> {
                    clock.advance(LEASE.plusSeconds(1));
                    assertThat(jobs.claim(j.jobId(), "new-owner", LEASE).kind()).isEqualTo(ClaimOutcome.Kind.CLAIMED);
                    return new Completion(Map.of(), "too late");
                },
                e -> FailureVerdict.permanent("not expected"));

        assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.DONE);

        assertThat(stored(job).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(stored(job).lease().owner()).isEqualTo("new-owner");
        assertThat(work.hooks).isEmpty();
        assertThat(count("lease_lost")).isEqualTo(1);
        assertThat(count("completed")).isZero();
    }

    @Test
    void aPermanentFailureFailsTheJobAndItsDemoAndTellsTheWorker() {
        Job job = queued();
        Work work = Work.throwing(
                new IllegalArgumentException("unknown template"),
                e -> FailureVerdict.permanent("no such template: " + e.getMessage()));

        assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.DONE);

        Job failed = stored(job);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("no such template: unknown template");
        assertThat(failedDemos).containsExactly(Map.entry(job.demoId(), "no such template: unknown template"));
        assertThat(work.hooks).containsExactly("failed: no such template: unknown template");
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void aFailedJobWithoutADemoMarksNoDemo() {
        Job job = Job.queued(
                Ids.jobId(),
                null,
                "acme",
                new JobPayload.Pipeline(null, null, null, "shopify", null, null, null),
                clock.instant());
        jobs.create(job);
        Work work = Work.throwing(new IllegalStateException("bad"), e -> FailureVerdict.permanent("bad"));

        assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.DONE);

        assertThat(stored(job).status()).isEqualTo(JobStatus.FAILED);
        assertThat(failedDemos).isEmpty();
        assertThat(work.hooks).containsExactly("failed: bad");
    }

    @Test
    void aTransientFailureReleasesTheLeaseSoTheRedeliveryClaimsAtOnce() {
        Job job = queued();
        Work work = Work.throwing(
                new RuntimeException("socket reset"),
                e -> FailureVerdict.retry("Attempt 1 failed (" + e.getMessage() + "); will retry", "given up"));

        assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.RETRY);

        Job released = stored(job);
        assertThat(released.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(released.logs()).last().satisfies(l -> {
            assertThat(l.level()).isEqualTo("WARN");
            assertThat(l.message()).isEqualTo("Attempt 1 failed (socket reset); will retry");
        });
        assertThat(jobs.claim(job.jobId(), "next-worker", LEASE).kind()).isEqualTo(ClaimOutcome.Kind.CLAIMED);
        assertThat(work.hooks).isEmpty();
        assertThat(failedDemos).isEmpty();
        assertThat(count("retried")).isEqualTo(1);
    }

    @Test
    void aTransientFailureOnTheLastAttemptFailsTheJobWithTheExhaustedReason() {
        Job job = queued();
        Work work = Work.throwing(
                new RuntimeException("socket reset"),
                e -> FailureVerdict.retry("will retry", "failed after " + JobRunner.MAX_JOB_ATTEMPTS + " attempts"));

        List<DeliveryOutcome> answers = new ArrayList<>();
        for (int i = 0; i < JobRunner.MAX_JOB_ATTEMPTS; i++) {
            answers.add(deliver(job, work));
        }

        assertThat(answers).containsExactly(DeliveryOutcome.RETRY, DeliveryOutcome.RETRY, DeliveryOutcome.DONE);
        Job failed = stored(job);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.error()).isEqualTo("failed after 3 attempts");
        assertThat(failedDemos).containsKey(job.demoId());
        assertThat(count("retried")).isEqualTo(2);
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void aTransientFailureWithoutAnAttemptLimitIsRetriedForAsLongAsItIsRedelivered() {
        Job job = queued();
        Work work = Work.throwing(new RuntimeException("flaky"), e -> FailureVerdict.retryWhileRedelivered("again"));

        for (int i = 0; i < JobRunner.MAX_JOB_ATTEMPTS + 2; i++) {
            assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.RETRY);
        }

        assertThat(stored(job).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(stored(job).attempts()).isEqualTo(5);
        assertThat(count("retried")).isEqualTo(5);
    }

    @Test
    void deferralsUseNoAttemptSoATransientFailureAfterMoreDeferralsThanAttemptsIsRetried() {
        Job job = queued();
        int deferrals = JobRunner.MAX_JOB_ATTEMPTS + 2;
        int[] judged = {0};
        Work work = Work.throwing(
                new RuntimeException("quota or socket"),
                e -> judged[0]++ < deferrals
                        ? FailureVerdict.deferred("quota used up; again in 60 s")
                        : FailureVerdict.retry("transient; will retry", "failed after 3 attempts"));

        for (int i = 0; i < deferrals; i++) {
            assertThat(deliver(job, work)).as("deferral %d", i + 1).isEqualTo(DeliveryOutcome.RETRY);
            Job waiting = stored(job);
            assertThat(waiting.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(waiting.attempts()).as("the claim's attempt taken back").isZero();
            assertThat(waiting.currentPhase()).isEqualTo("deferred");
            clock.advance(Duration.ofSeconds(60));
        }

        assertThat(deliver(job, work)).as("the first real failure").isEqualTo(DeliveryOutcome.RETRY);
        Job retried = stored(job);
        assertThat(retried.status()).as("retried, not failed").isEqualTo(JobStatus.RUNNING);
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.logs()).last().satisfies(l -> assertThat(l.message()).isEqualTo("transient; will retry"));
        assertThat(failedDemos).isEmpty();
        assertThat(count("deferred")).isEqualTo(deferrals);
        assertThat(count("retried")).isEqualTo(1);
        assertThat(count("failed")).isZero();
        assertThat(work.performed).isEqualTo(deferrals + 1);

        // real failures still have their limit: the third one fails the job
        assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.RETRY);
        assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.DONE);
        assertThat(stored(job).status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored(job).attempts()).isEqualTo(JobRunner.MAX_JOB_ATTEMPTS);
        assertThat(stored(job).error()).isEqualTo("failed after 3 attempts");
    }

    @Test
    void aDeferredJobIsReleasedSoTheNextDeliveryClaimsItAtOnce() {
        Job job = queued();
        Work work = Work.throwing(new RuntimeException("no permit"), e -> FailureVerdict.deferred("waiting for room"));

        assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.RETRY);

        assertThat(stored(job).logs()).last().satisfies(l -> {
            assertThat(l.level()).isEqualTo("INFO");
            assertThat(l.message()).isEqualTo("waiting for room");
        });
        ClaimOutcome next = jobs.claim(job.jobId(), "next-worker", LEASE);
        assertThat(next.kind()).isEqualTo(ClaimOutcome.Kind.CLAIMED);
        assertThat(next.job().attempts()).isEqualTo(1);
        assertThat(work.hooks).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void aDeferralAfterAnotherWorkerTookTheJobOverChangesNothingAndIsALostLease() {
        Job job = queued();
        Work work = new Work(
                j -> {
                    clock.advance(LEASE.plusSeconds(1));
                    assertThat(jobs.claim(j.jobId(), "new-owner", LEASE).kind()).isEqualTo(ClaimOutcome.Kind.CLAIMED);
                    throw new RuntimeException("no permit in time");
                },
                e -> FailureVerdict.deferred("waiting for room"));

        assertThat(deliver(job, work)).as("the job is the new owner's").isEqualTo(DeliveryOutcome.DONE);

        Job taken = stored(job);
        assertThat(taken.lease().owner()).isEqualTo("new-owner");
        assertThat(taken.lease().isLiveAt(clock.instant())).isTrue();
        assertThat(taken.attempts()).as("the new owner's claim stays counted").isEqualTo(2);
        assertThat(taken.currentPhase()).isEqualTo("claimed");
        assertThat(count("lease_lost")).isEqualTo(1);
        assertThat(count("deferred")).isZero();
    }

    @Test
    void everyKindOfJobPublishesItsCompletionOnProvisionEvents() {
        for (JobPayload payload : List.of(
                new JobPayload.Quick("shopify", "Acme", "ce@acme.example"),
                new JobPayload.Clone(Ids.demoId(), "shopify", "Acme", "ce@acme.example"),
                new JobPayload.Custom("Acme", "Retail", null, null, List.of(), "ce@acme.example"),
                new JobPayload.Pipeline(
                        "acme-gcp-example-dryrun",
                        "gcp",
                        "example",
                        "dryrun",
                        "ce@acme.example",
                        null,
                        "ce@acme.example"))) {
            JobType type = payload.type();
            Job job = Job.queued(
                    Ids.jobId(), type == JobType.PIPELINE ? null : Ids.demoId(), "acme", payload, clock.instant());
            jobs.create(job);
            published.clear();

            assertThat(deliver(
                            job, new Work(j -> new Completion(Map.of(), "done"), e -> FailureVerdict.permanent("x"))))
                    .isEqualTo(DeliveryOutcome.DONE);

            assertThat(published)
                    .singleElement()
                    .asString()
                    .startsWith(job.jobId() + "-completed {")
                    .contains(
                            "\"job_type\":\"" + type.wire() + "\"",
                            "\"status\":\"completed\"",
                            "\"tenant_id\":\"acme\"",
                            "\"error\":null");
        }
    }

    @Test
    void aFailedJobPublishesItsFailureWithTheReason() {
        Job job = queued();

        deliver(
                job,
                Work.throwing(
                        new IllegalArgumentException("unknown template"),
                        e -> FailureVerdict.permanent("no such template")));

        assertThat(published)
                .singleElement()
                .asString()
                .startsWith(job.jobId() + "-failed {")
                .contains(
                        "\"status\":\"failed\"",
                        "\"error\":\"no such template\"",
                        "\"demo_id\":\"" + job.demoId() + "\"",
                        "\"job_type\":\"quick\"");
    }

    @Test
    void aRetriedALeaseLostOrARedeliveredAttemptPublishesNothing() {
        Job retried = queued();
        deliver(retried, Work.throwing(new RuntimeException("socket reset"), e -> FailureVerdict.retry("again", "x")));
        Job lost = queued();
        deliver(lost, Work.throwing(new LeaseLostException(lost.jobId()), e -> FailureVerdict.permanent("x")));
        assertThat(published).isEmpty();

        Job done = queued();
        deliver(done, Work.completing());
        deliver(done, Work.completing());
        assertThat(published).hasSize(1);
    }

    @Test
    void anEventThatCannotBePublishedLeavesTheJobCompleted() {
        Job job = queued();
        publishFailure = new IllegalStateException("topic unreachable");
        Work work = Work.completing();

        assertThat(deliver(job, work)).isEqualTo(DeliveryOutcome.DONE);

        assertThat(stored(job).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(work.hooks).containsExactly("completed");
    }
}
