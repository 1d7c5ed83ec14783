package com.capidemo.quick.service;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.DemoMetadata;
import com.capidemo.core.domain.Job;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.service.DemoFinisher;
import com.capidemo.core.service.JobProgress;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.core.worker.PermanentJobFailure;
import com.capidemo.core.worker.RetryableJobFailure;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Provisions a demo from a template for a job this worker has claimed: dataset, tables (zero-copy
 * from the template's parquet), row-count verification, data agent, demo ready, job completed. Every
 * step is idempotent, so a redelivered job that a dead worker left half-done simply runs again over
 * the same dataset.
 */
@ApplicationScoped
public class QuickProvisioner {

    private final JobStore jobs;
    private final Clock clock;
    private final Warehouse warehouse;
    private final DemoFinisher finisher;
    private final TemplateLibrary templates;
    private final Duration lease;

    public QuickProvisioner(
            JobStore jobs,
            Warehouse warehouse,
            DemoFinisher finisher,
            TemplateLibrary templates,
            PlatformConfig config,
            Clock clock) {
        this.clock = clock;
        this.jobs = jobs;
        this.warehouse = warehouse;
        this.finisher = finisher;
        this.templates = templates;
        this.lease = config.lease().duration();
    }

    @WithSpan("provision.quick")
    public Map<String, Object> provision(Job job, String owner) {
        String templateId = job.templateId();
        TemplateDefinition template = templates
                .find(templateId)
                .orElseThrow(() -> new PermanentJobFailure("unknown template '" + templateId + "'"));
        String datasetId = job.demoId();
        JobProgress progress = new JobProgress(jobs, job.jobId(), owner, lease, clock);

        progress.step(
                5,
                "preparing_template",
                "Template " + template.templateId() + ": " + template.tableCount() + " tables, " + template.totalRows()
                        + " rows");
        Map<String, Long> expected = templates.materialize(template);

        boolean created = warehouse.createDataset(
                datasetId, Map.of("tenant", job.tenantId(), "demo", job.demoId(), "template", template.templateId()));
        progress.step(10, "creating_dataset", (created ? "Created dataset " : "Reusing dataset ") + datasetId);

        int loaded = 0;
        for (TableSpec table : template.tables()) {
            warehouse.loadParquet(
                    datasetId, table.name(), TemplateLibrary.tableObject(template.templateId(), table.name()));
            loaded++;
            progress.step(
                    10 + 70 * loaded / template.tableCount(),
                    "loading_tables",
                    "Loaded table " + table.name() + " (" + expected.get(table.name()) + " rows)");
        }
        progress.flush();

        long totalRows = 0;
        Map<String, Long> actual = warehouse.rowCounts(datasetId);
        for (TableSpec table : template.tables()) {
            long rows = actual.getOrDefault(table.name(), -1L);
            if (rows != expected.get(table.name())) {
                throw new RetryableJobFailure(
                        "table " + table.name() + " has " + rows + " rows, expected " + expected.get(table.name()));
            }
            totalRows += rows;
        }
        progress.step(85, "verifying", "Verified " + template.tableCount() + " tables, " + totalRows + " rows");

        AgentSpec spec = new AgentSpec(
                job.demoId(),
                job.tenantId(),
                datasetId,
                template.tableNames(),
                template.systemInstruction(),
                template.domainGoldenQueries());
        DemoMetadata metadata = new DemoMetadata(template.tableCount(), totalRows, expected, null, null, null);
        String agentId = finisher.finish(
                spec,
                metadata,
                id -> progress.step(
                        92,
                        "creating_agent",
                        "Created data agent " + id + " with "
                                + template.goldenQueries().size() + " golden queries"));
        progress.step(97, "finalizing", "Demo " + job.demoId() + " is ready");
        return Map.of("demo_id", job.demoId(), "dataset_id", datasetId, "agent_id", agentId);
    }
}
