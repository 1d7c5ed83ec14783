package com.capidemo.api.support;

import com.capidemo.chat.ReadinessCheck;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Demos for api-service tests, where no worker runs: a demo written exactly as api-service writes it (queued), and a
 * ready one built synchronously through the same ports the quick-provisioner uses (dataset, tables, agent,
 * readiness, ready).
 */
@ApplicationScoped
public class ReadyDemos {

    private final JobQueue queue;
    private final Warehouse warehouse;
    private final DataAgents agents;
    private final DemoStore demos;
    private final TemplateLibrary templates;
    private final ChatAgent chat;
    private final JobStore jobs;

    public ReadyDemos(
            JobQueue queue,
            Warehouse warehouse,
            DataAgents agents,
            DemoStore demos,
            TemplateLibrary templates,
            ChatAgent chat,
            JobStore jobs) {
        this.jobs = jobs;
        this.queue = queue;
        this.warehouse = warehouse;
        this.agents = agents;
        this.demos = demos;
        this.templates = templates;
        this.chat = chat;
    }

    /** The tenant id of an API key ({tenant_id}_api_{random}). */
    public static String tenantOf(String apiKey) {
        return apiKey.substring(0, apiKey.lastIndexOf("_api_"));
    }

    /** A demo that is still provisioning (its job queued). */
    public String queued(String tenantId, String templateId) {
        return queued(tenantId, templateId, "ce@example.com");
    }

    /** A demo of {@code owner} that is still provisioning (its job queued). */
    public String queued(String tenantId, String templateId, String owner) {
        TemplateDefinition t = templates.find(templateId).orElseThrow();
        Instant now = Instant.now();
        String demoId = Ids.demoId();
        Demo demo = Demo.provisioning(demoId, tenantId, owner, "Acme", t.industry(), templateId, now);
        Job job = Job.queued(Ids.jobId(), demoId, tenantId, new JobPayload.Quick(templateId, null, null), now);
        queue.submit(
                demo,
                job,
                Map.of("job_type", "quick"),
                new ProvisionMessage(job.jobId(), demoId, tenantId, "quick", templateId).toBytes());
        return demoId;
    }

    /** A ready demo of the template: dataset and tables loaded, agent created, readiness recorded. */
    public String ready(String tenantId, String templateId) {
        return ready(tenantId, templateId, "ce@example.com");
    }

    /** A ready demo of the template made by {@code owner}; its provisioning job completed. */
    public String ready(String tenantId, String templateId, String owner) {
        String demoId = queued(tenantId, templateId, owner);
        TemplateDefinition t = templates.find(templateId).orElseThrow();
        templates.materialize(t);
        warehouse.createDataset(demoId, Map.of("tenant", tenantId, "demo", demoId, "template", templateId));
        for (TableSpec table : t.tables()) {
            warehouse.loadParquet(demoId, table.name(), TemplateLibrary.tableObject(templateId, table.name()));
        }
        AgentSpec spec =
                new AgentSpec(demoId, tenantId, demoId, t.tableNames(), t.systemInstruction(), t.domainGoldenQueries());
        String agentId = agents.createAgent(spec);
        demos.recordReadiness(
                demoId,
                ReadinessCheck.score(chat, spec, (sql, max) -> warehouse.query(demoId, sql, max), Clock.systemUTC()));
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        t.tables().forEach(table -> rows.put(table.name(), table.rows()));
        demos.markReady(
                demoId,
                demoId,
                agentId,
                t.domainGoldenQueries(),
                Map.of("table_count", t.tableCount(), "tables", rows));
        finishJobOf(demoId);
        return demoId;
    }

    /** Completes the demo's queued job, as the worker would have. */
    private void finishJobOf(String demoId) {
        jobs.activeJobFor(demoId).ifPresent(jobId -> {
            jobs.claim(jobId, "test-worker", java.time.Duration.ofMinutes(1));
            jobs.complete(jobId, "test-worker", Map.of("demo_id", demoId), null);
        });
    }
}
