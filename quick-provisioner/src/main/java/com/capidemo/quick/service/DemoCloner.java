package com.capidemo.quick.service;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoMetadata;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Job;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.service.DemoFinisher;
import com.capidemo.core.service.JobProgress;
import com.capidemo.core.worker.PermanentJobFailure;
import com.capidemo.core.worker.RetryableJobFailure;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a clone job this worker has claimed: the new demo gets its own dataset (named after it) whose tables are
 * zero-copy clones of the source's ({@link Warehouse#cloneTable}), row counts verified against the source, its own
 * agent over that dataset with the source's instructions, and the source's golden queries (the same set, stored once
 * and referenced). Every step replaces what an earlier attempt left, under ids derived from the new demo, so a
 * redelivered or re-claimed job ends with one dataset and one agent.
 */
@ApplicationScoped
public class DemoCloner {

    private final JobStore jobs;
    private final Clock clock;
    private final DemoStore demos;
    private final Warehouse warehouse;
    private final DataAgents agents;
    private final DemoFinisher finisher;
    private final Duration lease;

    public DemoCloner(
            JobStore jobs,
            DemoStore demos,
            Warehouse warehouse,
            DataAgents agents,
            DemoFinisher finisher,
            PlatformConfig config,
            Clock clock) {
        this.clock = clock;
        this.jobs = jobs;
        this.demos = demos;
        this.warehouse = warehouse;
        this.agents = agents;
        this.finisher = finisher;
        this.lease = config.lease().duration();
    }

    /** @throws PermanentJobFailure when the source can no longer be cloned (not ready, gone) */
    @WithSpan("provision.clone")
    public Map<String, Object> cloneDemo(Job job, String owner) {
        String sourceId = job.sourceDemoId();
        Demo source = demos.find(sourceId)
                .filter(d -> d.tenantId().equals(job.tenantId()))
                .orElseThrow(() -> new PermanentJobFailure("source demo '" + sourceId + "' not found"));
        if (source.status() != DemoStatus.READY || source.datasetId() == null) {
            throw new PermanentJobFailure(
                    "source demo '" + sourceId + "' is " + source.status().wire() + ", not ready: it cannot be cloned");
        }
        AgentSpec sourceAgent = agents.find(source.agentId())
                .orElseThrow(() -> new PermanentJobFailure("source demo '" + sourceId + "' has no data agent"));
        String datasetId = job.demoId();
        JobProgress progress = new JobProgress(jobs, job.jobId(), owner, lease, clock);

        List<String> tables = warehouse.listTables(source.datasetId());
        if (tables.isEmpty()) {
            throw new PermanentJobFailure("source dataset '" + source.datasetId() + "' has no tables");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("tenant", job.tenantId());
        labels.put("demo", job.demoId());
        labels.put("template", source.templateId());
        labels.put("cloned_from", sourceId);
        boolean created = warehouse.createDataset(datasetId, labels);
        progress.step(
                10,
                "creating_dataset",
                (created ? "Created dataset " : "Reusing dataset ") + datasetId + " for a clone of " + sourceId);

        int cloned = 0;
        for (String table : tables) {
            warehouse.cloneTable(source.datasetId(), table, datasetId);
            cloned++;
            progress.step(10 + 70 * cloned / tables.size(), "cloning_tables", "Cloned table " + table);
        }
        progress.flush();

        Map<String, Long> expected = warehouse.rowCounts(source.datasetId());
        Map<String, Long> actual = warehouse.rowCounts(datasetId);
        long totalRows = 0;
        for (String table : tables) {
            long rows = actual.getOrDefault(table, -1L);
            if (rows != expected.getOrDefault(table, -2L)) {
                throw new RetryableJobFailure(
                        "cloned table " + table + " has " + rows + " rows, the source " + expected.get(table));
            }
            totalRows += rows;
        }
        progress.step(85, "verifying", "Verified " + tables.size() + " tables, " + totalRows + " rows");

        DemoMetadata metadata = new DemoMetadata(
                tables.size(),
                totalRows,
                actual,
                DemoMetadata.from(source.metadata()).industryLabel(),
                null,
                sourceId);
        String agentId = finisher.finish(
                new AgentSpec(
                        job.demoId(),
                        job.tenantId(),
                        datasetId,
                        sourceAgent.tables(),
                        sourceAgent.systemInstruction(),
                        source.goldenQueries()),
                metadata,
                id -> progress.step(
                        92,
                        "creating_agent",
                        "Created data agent " + id + " with "
                                + source.goldenQueries().size() + " golden queries of " + sourceId));
        progress.step(97, "finalizing", "Demo " + job.demoId() + " is ready");
        return Map.of(
                "demo_id", job.demoId(), "dataset_id", datasetId, "agent_id", agentId, "source_demo_id", sourceId);
    }
}
