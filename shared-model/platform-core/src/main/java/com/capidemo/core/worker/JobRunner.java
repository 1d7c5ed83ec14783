package com.capidemo.core.worker;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobLog;
import com.capidemo.core.port.ClaimOutcome;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.EventPublisher;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.service.LeaseLostException;
import com.capidemo.core.service.WorkerIdentity;
import com.capidemo.core.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.MDC;

/**
 * Turns one delivery of a job into at most one run of a worker's {@link JobWork}: claim the job with a lease
 * (conditional write), perform the work, complete it with a conditional write, or judge the failure (lease lost: done;
 * permanent: fail the job and its demo; transient: release the lease and ask for redelivery, until
 * {@link #MAX_JOB_ATTEMPTS}; deferred, when the work was paced out: release the lease, take back the claim's attempt
 * and ask for redelivery, so waiting never uses up the attempts). The job's ids are in the MDC for the whole delivery;
 * each run is timed and counted as provision.duration / provision.count with the work's tags and the outcome
 * (completed, failed, retried, deferred, lease_lost).
 * Each delivery is a span ({@code job}) with a child span for the claim; the work's phases are spans below it.
 * Every job this runner completes or fails, whatever its kind (quick, clone, custom, pipeline), is announced on
 * {@link EventPublisher#PROVISION_EVENTS} ({@link ProvisionEvents}).
 */
@ApplicationScoped
public class JobRunner {

    /**
     * Transient failures retried through redelivery before the job is failed (3 attempts). A claim counts an attempt;
     * a deferral takes it back, so only deliveries that ran and failed (or were lost) use them.
     */
    public static final int MAX_JOB_ATTEMPTS = 3;

    private final JobStore jobs;
    private final DemoStore demos;
    private final String workerId;
    private final Duration lease;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Sleeper sleeper;
    private final EventPublisher events;

    @Inject
    public JobRunner(
            JobStore jobs,
            DemoStore demos,
            EventPublisher events,
            WorkerIdentity worker,
            MeterRegistry metrics,
            PlatformConfig config,
            Clock clock) {
        this(jobs, demos, events, worker.id(), config.lease().duration(), metrics, clock, Sleeper.THREAD);
    }

    public JobRunner(
            JobStore jobs,
            DemoStore demos,
            EventPublisher events,
            String workerId,
            Duration lease,
            MeterRegistry metrics,
            Clock clock,
            Sleeper sleeper) {
        this.jobs = jobs;
        this.demos = demos;
        this.events = events;
        this.workerId = workerId;
        this.lease = lease;
        this.metrics = metrics;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Handles one delivery of job {@code jobId}. {@code context} is put in the MDC with job_id for the whole delivery
     * (a message id, ids the message names); the claimed job's tenant_id and demo_id join it.
     */
    @WithSpan("job")
    public DeliveryOutcome handle(String jobId, Map<String, String> context, JobWork work) {
        Set<String> keys = new LinkedHashSet<>();
        put(keys, "job_id", jobId);
        context.forEach((key, value) -> put(keys, key, value));
        Span.current().setAttribute("job.id", jobId);
        try {
            ClaimOutcome claim = claim(jobId, work);
            switch (claim.kind()) {
                case NOT_FOUND -> {
                    Log.warnf("delivery for unknown job %s dropped", jobId);
                    return DeliveryOutcome.DONE;
                }
                case ALREADY_FINISHED -> {
                    Log.infof(
                            "job %s already %s; redelivery ignored",
                            jobId, claim.job().status().wire());
                    work.finishedEarlier(claim.job());
                    return DeliveryOutcome.DONE;
                }
                case LEASED_BY_OTHER -> {
                    Log.infof(
                            "job %s is leased by %s until %s; asking for redelivery",
                            jobId,
                            claim.job().lease().owner(),
                            claim.job().lease().expiresAt());
                    return DeliveryOutcome.RETRY;
                }
                default -> {
                    put(keys, "tenant_id", String.valueOf(claim.job().tenantId()));
                    put(keys, "demo_id", String.valueOf(claim.job().demoId()));
                    return run(claim.job(), work);
                }
            }
        } finally {
            keys.forEach(MDC::remove);
        }
    }

    private ClaimOutcome claim(String jobId, JobWork work) {
        Span span = Tracing.tracer()
                .spanBuilder("claim")
                .setAttribute("job.id", jobId)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            ClaimOutcome claim =
                    work.waitsForStaleLease() ? claimWaitingForStaleLease(jobId) : jobs.claim(jobId, workerId, lease);
            span.setAttribute("job.claim", claim.kind().name().toLowerCase(java.util.Locale.ROOT));
            return claim;
        } finally {
            span.end();
        }
    }

    private static void put(Set<String> keys, String key, String value) {
        MDC.put(key, value);
        keys.add(key);
    }

    /**
     * A job leased by another worker is usually one whose worker died mid-run (its delivery is being retried): wait
     * for that lease to run out and take over, rather than spending one of the queue's few attempts. A live owner keeps
     * renewing its lease, so after two lease periods (by the clock) the wait gives up and the queue retries.
     */
    private ClaimOutcome claimWaitingForStaleLease(String jobId) {
        Instant giveUpAt = clock.instant().plus(lease.multipliedBy(2)).plusSeconds(1);
        while (true) {
            ClaimOutcome claim = jobs.claim(jobId, workerId, lease);
            Instant now = clock.instant();
            if (claim.kind() != ClaimOutcome.Kind.LEASED_BY_OTHER || !now.isBefore(giveUpAt)) {
                return claim;
            }
            Duration left = Duration.between(now, claim.job().lease().expiresAt());
            Log.infof(
                    "job %s is leased by %s for %d ms more; waiting to take it over",
                    jobId, claim.job().lease().owner(), left.toMillis());
            Duration wait = min(left.plusMillis(50), Duration.between(now, giveUpAt));
            sleeper.sleep(wait.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : wait);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private DeliveryOutcome run(Job job, JobWork work) {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "completed";
        try {
            Completion completion = work.perform(job);
            if (!jobs.complete(
                    job.jobId(), workerId, completion.result(), JobLog.info(clock.instant(), completion.note()))) {
                outcome = "lease_lost";
                return DeliveryOutcome.DONE;
            }
            ProvisionEvents.completed(events, job);
            work.completed(job);
            return DeliveryOutcome.DONE;
        } catch (LeaseLostException e) {
            outcome = "lease_lost";
            Log.warn(e.getMessage());
            return DeliveryOutcome.DONE;
        } catch (RuntimeException e) {
            FailureVerdict verdict = work.judge(job, e);
            if (verdict instanceof FailureVerdict.Permanent permanent) {
                outcome = "failed";
                fail(job, permanent.reason(), work);
                return DeliveryOutcome.DONE;
            }
            if (verdict instanceof FailureVerdict.Deferred deferred) {
                // the lease is given up and the claim's attempt taken back in one conditional write
                if (!jobs.releaseDeferred(job.jobId(), workerId, JobLog.info(clock.instant(), deferred.note()))) {
                    outcome = "lease_lost";
                    Log.warnf("job %s was claimed by another worker before this delivery could defer it", job.jobId());
                    return DeliveryOutcome.DONE;
                }
                outcome = "deferred";
                return DeliveryOutcome.RETRY;
            }
            FailureVerdict.Transient retry = (FailureVerdict.Transient) verdict;
            if (retry.reasonOnceExhausted().isPresent() && job.attempts() >= MAX_JOB_ATTEMPTS) {
                outcome = "failed";
                fail(job, retry.reasonOnceExhausted().get(), work);
                return DeliveryOutcome.DONE;
            }
            outcome = "retried";
            jobs.release(job.jobId(), workerId, new JobLog(clock.instant(), "WARN", retry.retryNote()));
            return DeliveryOutcome.RETRY;
        } finally {
            Span.current().setAttribute("job.outcome", outcome);
            Tags tags = work.metricTags(job).and("outcome", outcome);
            sample.stop(metrics.timer("provision.duration", tags));
            metrics.counter("provision.count", tags).increment();
        }
    }

    private void fail(Job job, String reason, JobWork work) {
        if (!jobs.fail(job.jobId(), workerId, reason)) {
            return;
        }
        if (job.demoId() != null) {
            demos.markFailed(job.demoId(), reason);
        }
        work.failed(job, reason);
        ProvisionEvents.failed(events, job, reason);
    }
}
