package com.capidemo.api.service;

import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.StepRecord;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.StepStore;
import com.capidemo.core.port.TaskQueue;
import com.capidemo.core.port.TaskRequest;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.core.web.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Accepts provisioning requests: writes the demo and job, enqueues the work, answers at once. */
@ApplicationScoped
public class ProvisionService {

    private final TemplateLibrary templates;
    private final Clock clock;
    private final JobQueue queue;
    private final JobStore jobs;
    private final TaskQueue tasks;
    private final StepStore steps;
    private final MeterRegistry metrics;

    public ProvisionService(
            TemplateLibrary templates,
            JobQueue queue,
            TaskQueue tasks,
            JobStore jobs,
            StepStore steps,
            MeterRegistry metrics,
            Clock clock) {
        this.clock = clock;
        this.templates = templates;
        this.queue = queue;
        this.tasks = tasks;
        this.jobs = jobs;
        this.steps = steps;
        this.metrics = metrics;
    }

    /** What a Customer Engineer knows about the prospect; the custom pipeline designs the demo from it. */
    public record CustomBrief(
            String customerName, String industry, String website, String description, List<String> useCases) {}

    /**
     * Accepts a custom demo: the demo (provisioning) and the job are stored with one Cloud Tasks-style task that runs
     * the 7-stage pipeline on custom-provisioner.
     */
    @WithSpan("provision.custom.accept")
    public Accepted custom(Caller caller, CustomBrief brief) {
        Instant now = clock.instant();
        String demoId = Ids.demoId();
        String jobId = Ids.jobId();
        JobPayload payload = new JobPayload.Custom(
                brief.customerName().strip(),
                brief.industry().strip(),
                brief.website(),
                brief.description(),
                brief.useCases(),
                caller.userEmail());
        Demo demo = Demo.provisioning(
                demoId,
                caller.tenantId(),
                caller.userEmail(),
                brief.customerName().strip(),
                brief.industry().strip(),
                null,
                now);
        Job job = Job.queued(jobId, demoId, caller.tenantId(), payload, now);
        tasks.submit(
                demo,
                job,
                new TaskRequest(
                        TaskRequest.nameFor(jobId), TaskRequest.CUSTOM_PROVISION, Json.bytes(Map.of("job_id", jobId))));
        metrics.counter("provision.accepted", "type", "custom", "template", "custom")
                .increment();
        Log.infof(
                "accepted custom job %s for demo %s of tenant %s (%s, %s)",
                jobId, demoId, caller.tenantId(), brief.customerName(), brief.industry());
        return new Accepted(jobId, demoId, "queued", "/api/provision/status/" + jobId);
    }

    public record Accepted(String jobId, String demoId, String status, String statusUrl) {}

    @WithSpan("provision.quick.accept")
    public Accepted quick(Caller caller, String templateId, String customerName) {
        TemplateDefinition template =
                templates.find(templateId).orElseThrow(() -> ApiProblem.notFound("template", templateId));
        Instant now = clock.instant();
        String demoId = Ids.demoId();
        String jobId = Ids.jobId();
        String customer = customerName == null || customerName.isBlank() ? template.name() : customerName.strip();
        JobPayload payload = new JobPayload.Quick(template.templateId(), customer, caller.userEmail());
        Demo demo = Demo.provisioning(
                demoId,
                caller.tenantId(),
                caller.userEmail(),
                customer,
                template.industry(),
                template.templateId(),
                now);
        Job job = Job.queued(jobId, demoId, caller.tenantId(), payload, now);
        queue.submit(demo, job);
        metrics.counter("provision.accepted", "type", "quick", "template", template.templateId())
                .increment();
        Log.infof(
                "accepted quick job %s for demo %s of tenant %s (template %s)",
                jobId, demoId, caller.tenantId(), template.templateId());
        return new Accepted(jobId, demoId, "queued", "/api/provision/status/" + jobId);
    }

    /** The stage checkpoints of a custom or pipeline job (empty for quick jobs, which have no stages). */
    public List<StepRecord> steps(Caller caller, String jobId) {
        return steps.list(status(caller, jobId).jobId());
    }

    /** The job if the caller's tenant owns it; other tenants get the same 404 as a missing job. */
    public Job status(Caller caller, String jobId) {
        return jobs.find(jobId)
                .filter(j -> j.tenantId().equals(caller.tenantId()))
                .orElseThrow(() -> ApiProblem.notFound("job", jobId));
    }
}
