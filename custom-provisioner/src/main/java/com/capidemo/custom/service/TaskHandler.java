package com.capidemo.custom.service;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.domain.StepSummary;
import com.capidemo.core.pipeline.PipelineException;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.service.JobErrors;
import com.capidemo.core.service.WorkerIdentity;
import com.capidemo.core.worker.Completion;
import com.capidemo.core.worker.DeliveryOutcome;
import com.capidemo.core.worker.FailureKind;
import com.capidemo.core.worker.FailureVerdict;
import com.capidemo.core.worker.JobRunner;
import com.capidemo.core.worker.JobWork;
import com.capidemo.custom.pipeline.LeaseKeeper;
import com.capidemo.custom.pipeline.PipelineHaltedException;
import com.capidemo.custom.pipeline.PipelineRunner;
import com.capidemo.custom.pipeline.StepContext.StepOutput;
import com.capidemo.custom.pipeline.StepFailedException;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one task delivery into at most one pipeline run, through the {@link JobRunner}: claim the job with a lease, run
 * its pipeline from the first unfinished step, complete or fail it. Redeliveries of finished jobs are answered 200 and
 * ignored; a job still leased by a worker that may be dead is waited for (up to two lease periods) instead of spending
 * one of the queue's few attempts; transient failures release the lease and answer 503 so the queue retries.
 * Pipeline runs are recorded in the tenant's run log (the runner publishes every completion and failure as a provision
 * event). Failed steps are judged by the platform's one taxonomy, {@link FailureKind}.
 */
@ApplicationScoped
public class TaskHandler implements JobWork {

    private final JobStore jobs;
    private final PipelineRunner runner;
    private final JobPipelines pipelines;
    private final TenantRunLog runLog;
    private final WorkerIdentity worker;
    private final JobRunner jobRunner;
    private final Duration lease;

    public TaskHandler(
            JobStore jobs,
            PipelineRunner runner,
            JobPipelines pipelines,
            TenantRunLog runLog,
            WorkerIdentity worker,
            JobRunner jobRunner,
            PlatformConfig config) {
        this.jobs = jobs;
        this.runner = runner;
        this.pipelines = pipelines;
        this.runLog = runLog;
        this.worker = worker;
        this.jobRunner = jobRunner;
        this.lease = config.lease().duration();
    }

    public DeliveryOutcome handle(String jobId) {
        return jobRunner.handle(jobId, Map.of(), this);
    }

    @Override
    public boolean waitsForStaleLease() {
        return true;
    }

    @Override
    public Tags metricTags(Job job) {
        return Tags.of("type", job.type().wire(), "template", template(job));
    }

    @Override
    public Completion perform(Job job) {
        try (LeaseKeeper keeper = new LeaseKeeper(jobs, job.jobId(), worker.id(), lease)) {
            JobPipelines.PlannedRun plan = pipelines.plan(job);
            Map<String, StepOutput> outputs = runner.run(job, worker.id(), plan.pipeline(), plan.variables(), keeper);
            Map<String, Object> result = result(job, outputs);
            if (job.type() == JobType.PIPELINE) {
                runLog.record(job, plan.variables().get("dataset_id"), "COMPLETED", null);
            }
            return new Completion(
                    result,
                    plan.pipeline().name() + " completed: "
                            + plan.pipeline().steps().size() + " steps");
        }
    }

    @Override
    public FailureVerdict judge(Job job, RuntimeException failure) {
        if (failure instanceof PipelineException || failure instanceof PipelineHaltedException) {
            return FailureVerdict.permanent(JobErrors.describe(failure));
        }
        if (failure instanceof StepFailedException step) {
            return FailureKind.isPermanent(step.getCause())
                    ? FailureVerdict.permanent(step.getMessage())
                    : FailureVerdict.retry(
                            "Attempt " + job.attempts() + ": " + step.getMessage() + "; will resume at this step",
                            step.getMessage() + " (after " + job.attempts() + " attempts)");
        }
        Log.errorf(failure, "job %s failed unexpectedly", job.jobId());
        return FailureVerdict.retryWhileRedelivered(
                "Attempt " + job.attempts() + " failed: " + JobErrors.describe(failure));
    }

    @Override
    public void failed(Job job, String reason) {
        if (job.type() == JobType.PIPELINE) {
            try {
                runLog.record(job, pipelines.datasetOf(job.tenantId()), "FAILED", reason);
            } catch (PipelineException e) {
                Log.warn(e.getMessage());
            }
        }
    }

    private Map<String, Object> result(Job job, Map<String, StepOutput> outputs) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (job.demoId() != null) {
            result.put("demo_id", job.demoId());
        }
        if (job.type() == JobType.PIPELINE) {
            result.put("pipeline_id", job.payload(JobPayload.Pipeline.class).pipelineId());
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

    private static String template(Job job) {
        if (job.payload() instanceof JobPayload.Pipeline run) {
            return String.valueOf(run.templateName());
        }
        return String.valueOf(job.payload() instanceof JobPayload.Custom brief ? brief.industry() : null);
    }
}
