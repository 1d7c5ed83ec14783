package com.capidemo.custom.steps.demo;

import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import com.capidemo.chat.ReadinessCheck;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.DemoDesigner;
import com.capidemo.design.SchemaDesign;
import com.capidemo.design.TableDesign;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.QuerySession;
import com.capidemo.core.port.Warehouse;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 7, data agent: the agent over the dataset (tables, system instruction, golden queries as examples); the demo
 * becomes ready and its readiness — how many golden questions the agent answers like the golden SQL — is recorded.
 */
@ApplicationScoped
public class DemoDataAgentStep implements PipelineStep {

    private final DemoDesigner designer;
    private final Clock clock;
    private final DataAgents agents;
    private final DemoStore demos;
    private final ChatAgent chat;
    private final Warehouse warehouse;

    public DemoDataAgentStep(DemoDesigner designer, DataAgents agents, DemoStore demos, ChatAgent chat,
                             Warehouse warehouse, Clock clock) {
        this.clock = clock;
        this.designer = designer;
        this.agents = agents;
        this.demos = demos;
        this.chat = chat;
        this.warehouse = warehouse;
    }

    @Override
    public String type() {
        return "demo_data_agent";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> run(StepContext context) {
        String dataset = context.step().requireString("dataset");
        String demoId = context.job().demoId();
        CustomerProfile profile = context.outputOf("demo_research", "profile", CustomerProfile.class);
        SchemaDesign schema = context.outputOf("demo_schema_design", "schema", SchemaDesign.class);
        List<GoldenQuery> golden = Json.MAPPER.convertValue(
                context.outputOf("demo_golden_queries", "golden_queries", List.class), new TypeReference<>() { });
        Map<String, Object> tables = context.outputOf("demo_dataset_load", "tables", Map.class);

        AgentSpec spec = new AgentSpec(demoId, context.job().tenantId(), dataset,
                schema.tables().stream().map(TableDesign::name).toList(), designer.systemInstruction(profile, schema), golden);
        String agentId = agents.createAgent(spec);
        context.log("created data agent " + agentId + " with " + golden.size() + " golden queries");

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("table_count", tables.size());
        metadata.put("total_rows", tables.values().stream().mapToLong(v -> ((Number) v).longValue()).sum());
        metadata.put("tables", tables);
        metadata.put("industry_label", profile.industryLabel());
        metadata.put("provisioned_at", clock.instant().toString());
        demos.markReady(demoId, dataset, agentId, golden, metadata);
        Readiness readiness;
        try (QuerySession session = warehouse.session(dataset)) {
            readiness = ReadinessCheck.score(chat, spec, session, clock);
        }
        demos.recordReadiness(demoId, readiness);
        context.log(String.format("demo %s is ready; readiness %.1f%% (%d of %d golden questions)", demoId,
                readiness.score(), readiness.passed(), readiness.total()));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("agent_id", agentId);
        output.put("dataset_id", dataset);
        output.put("readiness", readiness.score());
        return output;
    }
}
