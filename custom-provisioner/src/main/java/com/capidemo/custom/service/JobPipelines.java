package com.capidemo.custom.service;

import com.capidemo.core.config.ConfigsLocator;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.pipeline.PipelineCatalog;
import com.capidemo.core.pipeline.PipelineDefinition;
import com.capidemo.core.pipeline.PipelineException;
import com.capidemo.core.pipeline.Variables;
import com.capidemo.core.port.TenantStore;
import com.capidemo.custom.pipeline.StepRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which pipeline a job runs, with which variables: a tenant's templated pipeline for a pipeline job, the 7-stage
 * custom demo pipeline (configs/demo/custom/agent-pipeline.yml) for a custom provisioning job.
 */
@ApplicationScoped
public class JobPipelines {

    public static final String[] CUSTOM_DEMO = {"demo", "custom", "agent-pipeline"};

    private final PipelineCatalog catalog;
    private final StepRegistry registry;
    private final TenantStore tenants;

    @Inject
    public JobPipelines(PlatformConfig config, StepRegistry registry, TenantStore tenants) {
        this(ConfigsLocator.locate(config), registry, tenants);
    }

    public JobPipelines(Path configs, StepRegistry registry, TenantStore tenants) {
        this.catalog = new PipelineCatalog(configs);
        this.registry = registry;
        this.tenants = tenants;
    }

    /** A loaded pipeline and the variables it was resolved with. */
    public record PlannedRun(PipelineDefinition pipeline, Map<String, String> variables) {}

    public PlannedRun plan(Job job) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("tenant_id", job.tenantId());
        vars.put("job_id", job.jobId());
        String[] template;
        if (job.type() == JobType.PIPELINE) {
            JobPayload.Pipeline run = job.payload(JobPayload.Pipeline.class);
            template = new String[] {run.provider(), run.domain(), run.templateName()};
            vars.put("provider", template[0]);
            vars.put("domain", template[1]);
            vars.put("template_name", template[2]);
            vars.put("pipeline_id", run.pipelineId());
            vars.put("pipeline_logging_id", job.jobId());
            vars.put("date", run.date() == null ? null : run.date().toString());
            vars.put("trigger_by", run.triggerBy());
            vars.put("dataset_id", datasetOf(job.tenantId()));
        } else if (job.type() == JobType.CUSTOM) {
            template = CUSTOM_DEMO;
            vars.put("demo_id", job.demoId());
            JobPayload.Custom brief = job.payload(JobPayload.Custom.class);
            vars.put("customer_name", brief.customerName());
            vars.put("industry", brief.industry());
        } else {
            throw new PipelineException(
                    "custom-provisioner does not run " + job.type().wire() + " jobs");
        }
        vars.values().removeIf(Objects::isNull);
        Path file = catalog.find(template[0], template[1], template[2])
                .orElseThrow(() -> new PipelineException(
                        "pipeline template " + String.join("/", template) + ".yml not found in configs/"));
        // Step types are checked here; their settings when the runner starts, still before any step runs.
        return new PlannedRun(catalog.load(file, new Variables(vars), registry.types()), Map.copyOf(vars));
    }

    public String datasetOf(String tenantId) {
        return tenants.find(tenantId)
                .map(t -> t.datasetId())
                .orElseThrow(() -> new PipelineException("tenant " + tenantId + " is not onboarded"));
    }
}
