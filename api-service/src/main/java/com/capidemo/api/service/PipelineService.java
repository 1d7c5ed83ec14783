package com.capidemo.api.service;

import com.capidemo.shared.config.ConfigsLocator;
import com.capidemo.shared.config.PlatformConfig;
import com.capidemo.shared.domain.Caller;
import com.capidemo.shared.domain.Ids;
import com.capidemo.shared.domain.Job;
import com.capidemo.shared.domain.JobStatus;
import com.capidemo.shared.domain.JobType;
import com.capidemo.shared.domain.StepRecord;
import com.capidemo.shared.json.Json;
import com.capidemo.shared.pipeline.PipelineCatalog;
import com.capidemo.shared.port.DuplicateJobException;
import com.capidemo.shared.port.JobStore;
import com.capidemo.shared.port.StepStore;
import com.capidemo.shared.port.TaskQueue;
import com.capidemo.shared.port.TaskRequest;
import com.capidemo.shared.web.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tenants' templated pipelines (seeds 002/003): a run is a job of type pipeline whose exclusive key is the pipeline
 * id, so the store itself refuses a second run while one is pending or running — atomically, whatever the concurrency.
 */
@ApplicationScoped
public class PipelineService {

    private final PipelineCatalog catalog;
    private final TaskQueue tasks;
    private final JobStore jobs;
    private final StepStore steps;
    private final MeterRegistry metrics;

    public PipelineService(PlatformConfig config, TaskQueue tasks, JobStore jobs, StepStore steps, MeterRegistry metrics) {
        this.catalog = new PipelineCatalog(ConfigsLocator.locate(config));
        this.tasks = tasks;
        this.jobs = jobs;
        this.steps = steps;
        this.metrics = metrics;
    }

    public record Triggered(String pipelineLoggingId, String pipelineId, String status, String statusUrl, String message) {
    }

    public Triggered run(Caller caller, String tenantId, String provider, String domain, String templateName,
                         String triggerBy, LocalDate date) {
        if (!caller.tenantId().equals(tenantId)) {
            throw ApiProblem.forbidden("your API key belongs to tenant '" + caller.tenantId()
                    + "' and cannot run pipelines of tenant '" + tenantId + "'");
        }
        catalog.find(provider, domain, templateName).orElseThrow(() -> new ApiProblem(404, "pipeline-template-not-found",
                "Pipeline template not found", "no pipeline template configs/" + provider + "/" + domain + "/"
                + templateName + ".yml"));
        String pipelineId = tenantId + "-" + provider + "-" + domain + "-" + templateName;
        String runId = Ids.jobId();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("pipeline_id", pipelineId);
        payload.put("provider", provider);
        payload.put("domain", domain);
        payload.put("template_name", templateName);
        payload.put("trigger_by", triggerBy == null || triggerBy.isBlank() ? caller.userEmail() : triggerBy.strip());
        payload.put("date", (date == null ? LocalDate.now(ZoneOffset.UTC) : date).toString());
        payload.put("requested_by", caller.userEmail());
        payload.put(Job.EXCLUSIVE_KEY, pipelineId);
        Job job = Job.queued(runId, null, tenantId, JobType.PIPELINE, payload, Instant.now());
        try {
            tasks.submit(null, job, new TaskRequest(TaskRequest.nameFor(runId), TaskRequest.PIPELINE_RUN,
                    Json.bytes(Map.of("job_id", runId))));
        } catch (DuplicateJobException e) {
            metrics.counter("pipeline.rejected", "reason", "duplicate").increment();
            throw new ApiProblem(409, "pipeline-already-running", "Pipeline already running", "pipeline " + pipelineId
                    + " is already pending or running as run " + e.activeJobId() + "; wait for it to finish",
                    List.of(Map.of("field", "pipeline_logging_id", "message", String.valueOf(e.activeJobId()))));
        }
        metrics.counter("pipeline.accepted", "template", templateName).increment();
        Log.infof("pipeline %s triggered as run %s by %s", pipelineId, runId, payload.get("trigger_by"));
        return new Triggered(runId, pipelineId, "PENDING", "/api/v1/pipelines/runs/" + runId,
                "Templated pipeline triggered successfully");
    }

    /** A run with its steps (checkpointed ones, then those not started yet) and data-quality results. */
    public Map<String, Object> status(Caller caller, String runId) {
        Job job = jobs.find(runId).filter(j -> j.type() == JobType.PIPELINE && j.tenantId().equals(caller.tenantId()))
                .orElseThrow(() -> new ApiProblem(404, "pipeline-run-not-found", "Pipeline run not found",
                        "No pipeline run '" + runId + "' is visible to you"));
        List<StepRecord> records = steps.list(runId);
        List<Map<String, Object>> stepViews = new ArrayList<>();
        List<Object> dq = new ArrayList<>();
        for (StepRecord r : records) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("step_id", r.stepId());
            v.put("type", r.type());
            v.put("status", r.status().wire().toUpperCase(java.util.Locale.ROOT));
            v.put("attempts", r.attempts());
            v.put("started_at", r.startedAt());
            v.put("ended_at", r.endedAt());
            v.put("duration_ms", r.durationMillis());
            v.put("rows_processed", r.output().get("rows_processed"));
            v.put("error", r.error());
            v.put("logs", r.logs());
            stepViews.add(v);
            if (r.output().get("dq_results") instanceof List<?> results) {
                dq.addAll(results);
            }
        }
        Path file = catalog.find(job.payloadString("provider"), job.payloadString("domain"),
                job.payloadString("template_name")).orElse(null);
        if (file != null) {
            for (Map<String, String> planned : catalog.outline(file)) {
                if (records.stream().noneMatch(r -> r.stepId().equals(planned.get("step_id")))) {
                    stepViews.add(Map.of("step_id", planned.get("step_id"), "type", planned.get("type"), "status", "PENDING"));
                }
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pipeline_logging_id", job.jobId());
        view.put("pipeline_id", job.payloadString("pipeline_id"));
        view.put("tenant_id", job.tenantId());
        view.put("provider", job.payloadString("provider"));
        view.put("domain", job.payloadString("domain"));
        view.put("template_name", job.payloadString("template_name"));
        view.put("status", wire(job.status()));
        view.put("progress", job.progress());
        view.put("current_step", job.currentPhase());
        view.put("trigger_by", job.payloadString("trigger_by"));
        view.put("run_date", job.payloadString("date"));
        view.put("created_at", job.createdAt());
        view.put("started_at", job.startedAt());
        view.put("completed_at", job.completedAt());
        view.put("error", job.error());
        view.put("steps", stepViews);
        view.put("dq_results", dq);
        return view;
    }

    /** Seed 003's run states. */
    static String wire(JobStatus status) {
        return switch (status) {
            case QUEUED -> "PENDING";
            case RUNNING -> "RUNNING";
            case COMPLETED -> "COMPLETED";
            case FAILED -> "FAILED";
        };
    }
}
