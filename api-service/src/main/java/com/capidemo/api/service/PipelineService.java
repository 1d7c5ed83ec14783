package com.capidemo.api.service;

import com.capidemo.core.config.ConfigsLocator;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.DqResult;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobLog;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.domain.StepRecord;
import com.capidemo.core.json.Json;
import com.capidemo.core.json.UserText;
import com.capidemo.core.pipeline.PipelineCatalog;
import com.capidemo.core.port.DuplicateJobException;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.StepStore;
import com.capidemo.core.port.TaskQueue;
import com.capidemo.core.port.TaskRequest;
import com.capidemo.core.web.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tenants' templated pipelines (seeds 002/003): a run is a job of type pipeline whose exclusive key is the pipeline
 * id, so the store itself refuses a second run while one is pending or running — atomically, whatever the concurrency.
 */
@ApplicationScoped
public class PipelineService {

    private final PipelineCatalog catalog;
    private final Clock clock;
    private final TaskQueue tasks;
    private final JobStore jobs;
    private final StepStore steps;
    private final MeterRegistry metrics;

    public PipelineService(
            PlatformConfig config,
            TaskQueue tasks,
            JobStore jobs,
            StepStore steps,
            MeterRegistry metrics,
            Clock clock) {
        this.clock = clock;
        this.catalog = new PipelineCatalog(ConfigsLocator.locate(config));
        this.tasks = tasks;
        this.jobs = jobs;
        this.steps = steps;
        this.metrics = metrics;
    }

    public record Triggered(
            String pipelineLoggingId, String pipelineId, String status, String statusUrl, String message) {}

    @WithSpan("pipeline.accept")
    public Triggered run(
            Caller caller,
            String tenantId,
            String provider,
            String domain,
            String templateName,
            String triggerBy,
            LocalDate date) {
        if (!caller.tenantId().equals(tenantId)) {
            throw ApiProblem.forbidden("your API key belongs to tenant '" + caller.tenantId()
                    + "' and cannot run pipelines of tenant '" + tenantId + "'");
        }
        catalog.find(provider, domain, templateName)
                .orElseThrow(() -> new ApiProblem(
                        404,
                        "pipeline-template-not-found",
                        "Pipeline template not found",
                        "no pipeline template configs/" + provider + "/" + domain + "/" + templateName + ".yml"));
        String pipelineId = tenantId + "-" + provider + "-" + domain + "-" + templateName;
        String runId = Ids.jobId();
        JobPayload.Pipeline payload = new JobPayload.Pipeline(
                pipelineId,
                provider,
                domain,
                templateName,
                triggerBy == null || triggerBy.isBlank() ? caller.userEmail() : triggerBy.strip(),
                date == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : date,
                caller.userEmail());
        Job job = Job.queued(runId, null, tenantId, payload, clock.instant());
        try {
            tasks.submit(
                    null,
                    job,
                    new TaskRequest(
                            TaskRequest.nameFor(runId), TaskRequest.PIPELINE_RUN, Json.bytes(Map.of("job_id", runId))));
        } catch (DuplicateJobException e) {
            metrics.counter("pipeline.rejected", "reason", "duplicate").increment();
            throw new ApiProblem(
                    409,
                    "pipeline-already-running",
                    "Pipeline already running",
                    "pipeline " + pipelineId + " is already pending or running as run " + e.activeJobId()
                            + "; wait for it to finish",
                    List.of(Map.of("field", "pipeline_logging_id", "message", String.valueOf(e.activeJobId()))));
        }
        metrics.counter("pipeline.accepted", "template", templateName).increment();
        Log.infof("pipeline %s triggered as run %s by %s", pipelineId, runId, payload.triggerBy());
        return new Triggered(
                runId,
                pipelineId,
                "PENDING",
                "/api/v1/pipelines/runs/" + runId,
                "Templated pipeline triggered successfully");
    }

    /** GET /api/v1/pipelines/runs/{id}: a run, its steps (checkpointed, then not started) and data-quality results. */
    public record RunView(
            String pipelineLoggingId,
            String pipelineId,
            String tenantId,
            String provider,
            String domain,
            String templateName,
            String status,
            int progress,
            String currentStep,
            String triggerBy,
            String runDate,
            Instant createdAt,
            Instant startedAt,
            Instant completedAt,
            String error,
            List<StepView> steps,
            List<DqResult> dqResults) {}

    /** One step of a run; a step not started yet has only its id, type and status PENDING. */
    public record StepView(
            String stepId,
            String type,
            String status,
            Integer attempts,
            Instant startedAt,
            Instant endedAt,
            Long durationMs,
            Long rowsProcessed,
            String error,
            List<JobLog> logs) {

        static StepView of(StepRecord r) {
            return new StepView(
                    r.stepId(),
                    r.type(),
                    r.status().wire().toUpperCase(Locale.ROOT),
                    r.attempts(),
                    r.startedAt(),
                    r.endedAt(),
                    r.durationMillis(),
                    r.summary().rowsProcessed(),
                    r.error(),
                    r.logs());
        }

        static StepView pending(String stepId, String type) {
            return new StepView(stepId, type, "PENDING", null, null, null, null, null, null, null);
        }
    }

    public RunView status(Caller caller, String runId) {
        Job job = jobs.find(runId)
                .filter(j -> j.type() == JobType.PIPELINE && j.tenantId().equals(caller.tenantId()))
                .orElseThrow(() -> new ApiProblem(
                        404,
                        "pipeline-run-not-found",
                        "Pipeline run not found",
                        "No pipeline run '" + UserText.preview(runId) + "' is visible to you"));
        List<StepRecord> records = steps.list(runId);
        List<StepView> stepViews = new ArrayList<>();
        List<DqResult> dq = new ArrayList<>();
        for (StepRecord r : records) {
            stepViews.add(StepView.of(r));
            dq.addAll(r.summary().dqResults());
        }
        JobPayload.Pipeline run = job.payload(JobPayload.Pipeline.class);
        Path file =
                catalog.find(run.provider(), run.domain(), run.templateName()).orElse(null);
        if (file != null) {
            for (Map<String, String> planned : catalog.outline(file)) {
                if (records.stream().noneMatch(r -> r.stepId().equals(planned.get("step_id")))) {
                    stepViews.add(StepView.pending(planned.get("step_id"), planned.get("type")));
                }
            }
        }
        return new RunView(
                job.jobId(),
                run.pipelineId(),
                job.tenantId(),
                run.provider(),
                run.domain(),
                run.templateName(),
                wire(job.status()),
                job.progress(),
                job.currentPhase(),
                run.triggerBy(),
                run.date() == null ? null : run.date().toString(),
                job.createdAt(),
                job.startedAt(),
                job.completedAt(),
                job.error(),
                stepViews,
                dq);
    }

    /** The run states pipeline clients see: PENDING, RUNNING, COMPLETED, FAILED. */
    static String wire(JobStatus status) {
        return switch (status) {
            case QUEUED -> "PENDING";
            case RUNNING -> "RUNNING";
            case COMPLETED -> "COMPLETED";
            case FAILED -> "FAILED";
        };
    }
}
