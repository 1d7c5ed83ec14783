package com.capidemo.custom.steps.demo;

import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import com.capidemo.chat.ReadinessCheck;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.DemoDesigner;
import com.capidemo.design.SchemaDesign;
import com.capidemo.design.TableDesign;
import com.capidemo.core.domain.DemoMetadata;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.service.DemoFinisher;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final DemoFinisher finisher;
    private final ChatAgent chat;

    public DemoDataAgentStep(DemoDesigner designer, DemoFinisher finisher, ChatAgent chat) {
        this.designer = designer;
        this.finisher = finisher;
        this.chat = chat;
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
        Map<String, Long> rows = new LinkedHashMap<>();
        tables.forEach((table, count) -> rows.put(table, ((Number) count).longValue()));
        String agentId = finisher.finish(spec, DemoMetadata.of(rows).withIndustryLabel(profile.industryLabel()),
                id -> context.log("created data agent " + id + " with " + golden.size() + " golden queries"));
        Readiness readiness = finisher.recordReadiness(demoId, (agent, session) -> ReadinessCheck.score(chat, agent,
                session));
        context.log(String.format("demo %s is ready; readiness %.1f%% (%d of %d golden questions)", demoId,
                readiness.score(), readiness.passed(), readiness.total()));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("agent_id", agentId);
        output.put("dataset_id", dataset);
        output.put("readiness", readiness.score());
        return output;
    }
}
