package com.capidemo.custom.service;

import com.capidemo.custom.pipeline.LeaseKeeper;
import com.capidemo.custom.pipeline.PipelineHaltedException;
import com.capidemo.custom.pipeline.PipelineRunner;
import com.capidemo.custom.pipeline.StepContext.StepOutput;
import com.capidemo.custom.pipeline.StepFailedException;
import com.capidemo.shared.config.PlatformConfig;
import com.capidemo.shared.domain.Job;
import com.capidemo.shared.domain.JobLog;
import com.capidemo.shared.domain.JobType;
import com.capidemo.shared.domain.StepSummary;
import com.capidemo.shared.json.Json;
import com.capidemo.shared.pipeline.PipelineException;
import com.capidemo.shared.port.ClaimOutcome;
import com.capidemo.shared.port.DemoStore;
import com.capidemo.shared.port.EventPublisher;
import com.capidemo.shared.port.JobStore;
import com.capidemo.shared.service.JobErrors;
import com.capidemo.shared.service.LeaseLostException;
import com.capidemo.shared.service.WorkerIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * Turns one task delivery into at most one pipeline run: claim the job with a lease, run its pipeline from the first
 * unfinished step, complete or fail it. Redeliveries of finished jobs are answered 200 and ignored; a job still leased
 * by a worker that may be dead is waited for (up to one lease period) instead of spending one of the queue's few
 * attempts; transient failures release the lease and answer 503 so the queue retries.
 */
@ApplicationScoped
public class TaskHandler {

    /** Transient failures retried through the queue before the job is failed (seed 001: 3 attempts). */
    static final int MAX_JOB_ATTEMPTS = 3;

    private final JobStore jobs;
    private final DemoStore demos;
    private final PipelineRunner runner;
    private final JobPipelines pipelines;
    private final TenantRunLog runLog;
    private final EventPublisher events;
    private final WorkerIdentity worker;
    private final MeterRegistry metrics;
    private final Duration lease;

    public TaskHandler(JobStore jobs, DemoStore demos, PipelineRunner runner, JobPipelines pipelines,
                       TenantRunLog runLog, EventPublisher events, WorkerIdentity worker, MeterRegistry metrics,
                       PlatformConfig config) {
        this.jobs = jobs;
        this.demos = demos;
        this.runner = runner;
        this.pipelines = pipelines;
        this.runLog = runLog;
        this.events = events;
        this.worker = worker;
        this.metrics = metrics;
        this.lease = config.lease().duration();
    }

    public TaskOutcome handle(String jobId) {
        MDC.put("job_id", jobId);
        try {
            ClaimOutcome claim = claimWaitingForStaleLease(jobId);
            switch (claim.kind()) {
                case NOT_FOUND -> {
                    Log.warnf("task for unknown job %s dropped", jobId);
                    return TaskOutcome.DONE;
                }
                case ALREADY_FINISHED -> {
                    Log.infof("job %s already %s; task redelivery ignored", jobId, claim.job().status().wire());
                    return TaskOutcome.DONE;
                }
                case LEASED_BY_OTHER -> {
                    return TaskOutcome.RETRY;
                }
                default -> {
                    MDC.put("tenant_id", claim.job().tenantId());
                    MDC.put("demo_id", String.valueOf(claim.job().demoId()));
                    return run(claim.job());
                }
            }
        } finally {
            MDC.remove("job_id");
            MDC.remove("tenant_id");
            MDC.remove("demo_id");
        }
    }

    /**
     * A job leased by another worker is usually one whose worker died mid-run (its task is being retried): wait for
     * that lease to run out and take over, rather than answering 503 and using up the task's attempts. A live owner
     * keeps renewing its lease, so after two lease periods we give up and let the queue retry.
     */
    private ClaimOutcome claimWaitingForStaleLease(String jobId) {
        long giveUpAt = System.currentTimeMillis() + 2 * lease.toMillis() + 1_000;
        while (true) {
            ClaimOutcome claim = jobs.claim(jobId, worker.id(), lease);
            if (claim.kind() != ClaimOutcome.Kind.LEASED_BY_OTHER || System.currentTimeMillis() >= giveUpAt) {
                return claim;
            }
            long until = claim.job().lease().expiresAt().toEpochMilli() - System.currentTimeMillis();
            Log.infof("job %s is leased by %s for %d ms more; waiting to take it over", jobId,
                    claim.job().lease().owner(), until);
            sleep(Math.max(100, Math.min(until + 50, giveUpAt - System.currentTimeMillis())));
        }
    }

    private TaskOutcome run(Job job) {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "completed";
        try (LeaseKeeper keeper = new LeaseKeeper(jobs, job.jobId(), worker.id(), lease)) {
            JobPipelines.PlannedRun plan = pipelines.plan(job);
            Map<String, StepOutput> outputs = runner.run(job, worker.id(), plan.pipeline(), plan.variables(), keeper);
            Map<String, Object> result = result(job, outputs);
            if (job.type() == JobType.PIPELINE) {
                runLog.record(job, plan.variables().get("dataset_id"), "COMPLETED", null);
            }
            if (!jobs.complete(job.jobId(), worker.id(), result, JobLog.info(Instant.now(),
                    plan.pipeline().name() + " completed: " + plan.pipeline().steps().size() + " steps"))) {
                outcome = "lease_lost";
                return TaskOutcome.DONE;
            }
            publish(job, "completed", null);
            return TaskOutcome.DONE;
        } catch (LeaseLostException e) {
            outcome = "lease_lost";
            Log.warn(e.getMessage());
            return TaskOutcome.DONE;
        } catch (PipelineException | PipelineHaltedException e) {
            outcome = "failed";
            failJob(job, JobErrors.describe(e));
            return TaskOutcome.DONE;
        } catch (StepFailedException e) {
            if (permanent(e.getCause()) || job.attempts() >= MAX_JOB_ATTEMPTS) {
                outcome = "failed";
                failJob(job, job.attempts() >= MAX_JOB_ATTEMPTS && !permanent(e.getCause())
                        ? e.getMessage() + " (after " + job.attempts() + " attempts)" : e.getMessage());
                return TaskOutcome.DONE;
            }
            outcome = "retried";
            jobs.release(job.jobId(), worker.id(), new JobLog(Instant.now(), "WARN",
                    "Attempt " + job.attempts() + ": " + e.getMessage() + "; will resume at this step"));
            return TaskOutcome.RETRY;
        } catch (RuntimeException e) {
            Log.errorf(e, "job %s failed unexpectedly", job.jobId());
            outcome = "retried";
            jobs.release(job.jobId(), worker.id(), new JobLog(Instant.now(), "WARN",
                    "Attempt " + job.attempts() + " failed: " + JobErrors.describe(e)));
            return TaskOutcome.RETRY;
        } finally {
            String type = job.type().wire();
            sample.stop(metrics.timer("provision.duration", "type", type, "template", template(job), "outcome", outcome));
            metrics.counter("provision.count", "type", type, "template", template(job), "outcome", outcome).increment();
        }
    }

    /** Bad definitions, bad SQL or data are not fixed by retrying; I/O and store hiccups may be. */
    static boolean permanent(Throwable cause) {
        return cause instanceof PipelineException || cause instanceof IllegalArgumentException
                || cause instanceof IllegalStateException;
    }

    private Map<String, Object> result(Job job, Map<String, StepOutput> outputs) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (job.demoId() != null) {
            result.put("demo_id", job.demoId());
        }
        if (job.type() == JobType.PIPELINE) {
            result.put("pipeline_id", job.payloadString("pipeline_id"));
            result.put("pipeline_logging_id", job.jobId());
        }
        for (StepOutput output : outputs.values()) {
            StepSummary summary = StepSummary.of(output.output());
            putIfPresent(result, "dataset_id", summary.datasetId());
            putIfPresent(result, "agent_id", summary.agentId());
            putIfPresent(result, "table_count", summary.tableCount());
            putIfPresent(result, "total_rows", summary.totalRows());
        }
        result.put("steps", outputs.size());
        return result;
    }

    private static void putIfPresent(Map<String, Object> result, String key, Object value) {
        if (value != null) {
            result.put(key, value);
        }
    }

    private void failJob(Job job, String reason) {
        if (!jobs.fail(job.jobId(), worker.id(), reason)) {
            return;
        }
        if (job.demoId() != null) {
            demos.markFailed(job.demoId(), reason);
        }
        if (job.type() == JobType.PIPELINE) {
            try {
                runLog.record(job, pipelines.datasetOf(job.tenantId()), "FAILED", reason);
            } catch (PipelineException e) {
                Log.warn(e.getMessage());
            }
        }
        publish(job, "failed", reason);
    }

    private void publish(Job job, String status, String error) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("job_id", job.jobId());
        event.put("job_type", job.type().wire());
        event.put("tenant_id", job.tenantId());
        event.put("demo_id", job.demoId());
        event.put("status", status);
        event.put("error", error);
        try {
            events.publish(EventPublisher.PROVISION_EVENTS, job.jobId() + "-" + status,
                    Map.of("job_type", job.type().wire(), "tenant_id", job.tenantId(), "status", status), Json.bytes(event));
        } catch (RuntimeException e) {
            Log.warnf(e, "could not publish the %s event of job %s", status, job.jobId());
        }
    }

    private static String template(Job job) {
        return String.valueOf(job.type() == JobType.PIPELINE ? job.payloadString("template_name") : job.payloadString("industry"));
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
