package com.capidemo.custom.steps.demo;

import com.capidemo.core.domain.DemoMetadata;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.service.DemoFinisher;
import com.capidemo.core.service.ReadinessJobs;
import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.DemoDesigner;
import com.capidemo.design.SchemaDesign;
import com.capidemo.design.TableDesign;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 7, data agent: the agent over the dataset (tables, system instruction, golden queries as examples); the demo
 * becomes ready and its readiness job is queued (how many golden questions the agent answers like the golden SQL is
 * scored by that job, outside this pipeline).
 */
@ApplicationScoped
public class DemoDataAgentStep implements PipelineStep {

    private final DemoDesigner designer;
    private final DemoFinisher finisher;

    public DemoDataAgentStep(DemoDesigner designer, DemoFinisher finisher) {
        this.designer = designer;
        this.finisher = finisher;
    }

    @Override
    public String type() {
        return DemoOutputs.DATA_AGENT;
    }

    @Override
    public Map<String, Object> run(StepContext context) {
        String dataset = context.step().requireString("dataset");
        String demoId = context.job().demoId();
        CustomerProfile profile = context.outputOf(DemoOutputs.PROFILE);
        SchemaDesign schema = context.outputOf(DemoOutputs.SCHEMA);
        List<GoldenQuery> golden = context.outputOf(DemoOutputs.GOLDEN_QUERIES);
        Map<String, Long> tables = context.outputOf(DemoOutputs.LOADED_TABLES);

        AgentSpec spec = new AgentSpec(
                demoId,
                context.job().tenantId(),
                dataset,
                schema.tables().stream().map(TableDesign::name).toList(),
                designer.systemInstruction(profile, schema),
                golden);
        String agentId = finisher.finish(
                spec,
                DemoMetadata.of(tables)
                        .withIndustryLabel(profile.industryLabel())
                        .withDesign(profile.designBasis(), profile.unservedUseCases()),
                id -> context.log("created data agent " + id + " with " + golden.size() + " golden queries"));
        context.log("demo " + demoId + " is ready; its readiness is scored by readiness job "
                + ReadinessJobs.jobIdFor(demoId));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("agent_id", agentId);
        output.put("dataset_id", dataset);
        return output;
    }
}
