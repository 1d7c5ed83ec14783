package com.capidemo.quick.service;

import com.capidemo.chat.ReadinessCheck;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.QuerySession;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.service.JobProgress;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateDefinition;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import io.opentelemetry.instrumentation.annotations.WithSpan;

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
    private final DemoStore demos;
    private final Warehouse warehouse;
    private final DataAgents agents;
    private final TemplateLibrary templates;
    private final ChatAgent chat;
    private final Duration lease;

    public QuickProvisioner(JobStore jobs, DemoStore demos, Warehouse warehouse, DataAgents agents,
                            TemplateLibrary templates, ChatAgent chat, PlatformConfig config, Clock clock) {
        this.clock = clock;
        this.jobs = jobs;
        this.demos = demos;
        this.warehouse = warehouse;
        this.agents = agents;
        this.templates = templates;
        this.chat = chat;
        this.lease = config.lease().duration();
    }

    /** Thrown when a template cannot be provisioned at all; the job fails instead of being retried. */
    public static class PermanentFailure extends RuntimeException {
        public PermanentFailure(String message) {
            super(message);
        }
    }

    @WithSpan("provision.quick")
    public Map<String, Object> provision(Job job, String owner) {
        String templateId = job.payloadString("template_id");
        TemplateDefinition template = templates.find(templateId)
                .orElseThrow(() -> new PermanentFailure("unknown template '" + templateId + "'"));
        String datasetId = job.demoId();
        JobProgress progress = new JobProgress(jobs, job.jobId(), owner, lease, clock);

        progress.step(5, "preparing_template", "Template " + template.templateId() + ": "
                + template.tableCount() + " tables, " + template.totalRows() + " rows");
        Map<String, Long> expected = templates.materialize(template);

        boolean created = warehouse.createDataset(datasetId, Map.of("tenant", job.tenantId(), "demo", job.demoId(),
                "template", template.templateId()));
        progress.step(10, "creating_dataset", (created ? "Created dataset " : "Reusing dataset ") + datasetId);

        int loaded = 0;
        for (TableSpec table : template.tables()) {
            warehouse.loadParquet(datasetId, table.name(), TemplateLibrary.tableObject(template.templateId(), table.name()));
            loaded++;
            progress.step(10 + 70 * loaded / template.tableCount(), "loading_tables",
                    "Loaded table " + table.name() + " (" + expected.get(table.name()) + " rows)");
        }
        progress.flush();

        long totalRows = 0;
        Map<String, Long> actual = warehouse.rowCounts(datasetId);
        for (TableSpec table : template.tables()) {
            long rows = actual.getOrDefault(table.name(), -1L);
            if (rows != expected.get(table.name())) {
                throw new IllegalStateException("table " + table.name() + " has " + rows + " rows, expected "
                        + expected.get(table.name()));
            }
            totalRows += rows;
        }
        progress.step(85, "verifying", "Verified " + template.tableCount() + " tables, " + totalRows + " rows");

        AgentSpec spec = new AgentSpec(job.demoId(), job.tenantId(), datasetId, template.tableNames(),
                template.systemInstruction(), template.domainGoldenQueries());
        String agentId = agents.createAgent(spec);
        progress.step(92, "creating_agent", "Created data agent " + agentId + " with "
                + template.goldenQueries().size() + " golden queries");

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("table_count", template.tableCount());
        metadata.put("total_rows", totalRows);
        metadata.put("tables", expected);
        metadata.put("provisioned_at", clock.instant().toString());
        demos.markReady(job.demoId(), datasetId, agentId, template.domainGoldenQueries(), metadata);
        progress.step(97, "finalizing", "Demo " + job.demoId() + " is ready");
        return Map.of("demo_id", job.demoId(), "dataset_id", datasetId, "agent_id", agentId);
    }

    /**
     * Scores a ready demo's agent on its golden questions (each asked through the agent, its rows compared
     * with the golden SQL's) and records it on the demo. {@link ReadinessScorer} runs it after the job
     * completed, so it never delays a provision.
     */
    @WithSpan("readiness")
    public Readiness recordReadiness(String demoId) {
        Demo demo = demos.find(demoId).orElseThrow(() -> new IllegalStateException("no demo " + demoId));
        AgentSpec spec = agents.find(demo.agentId())
                .orElseThrow(() -> new IllegalStateException("demo " + demoId + " has no agent"));
        long started = System.nanoTime();
        Readiness readiness;
        try (QuerySession session = warehouse.session(spec.datasetId())) {
            readiness = ReadinessCheck.score(chat, spec, session, clock);
        }
        demos.recordReadiness(demoId, readiness);
        Log.infof("readiness of %s: %.1f%% (%d of %d golden questions) in %d ms%s", demoId, readiness.score(),
                readiness.passed(), readiness.total(), (System.nanoTime() - started) / 1_000_000,
                readiness.failed().isEmpty() ? "" : "; not matching: " + String.join(" | ", readiness.failed()));
        return readiness;
    }
}
