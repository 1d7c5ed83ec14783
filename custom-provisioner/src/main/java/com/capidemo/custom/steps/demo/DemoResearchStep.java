package com.capidemo.custom.steps.demo;

import com.capidemo.core.domain.JobPayload;
import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import com.capidemo.design.CustomerBrief;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.DemoDesigner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Stage 1, research: the customer profile from the brief the Customer Engineer gave (name, industry, site, text). */
@ApplicationScoped
public class DemoResearchStep implements PipelineStep {

    private final DemoDesigner designer;

    public DemoResearchStep(DemoDesigner designer) {
        this.designer = designer;
    }

    @Override
    public String type() {
        return DemoOutputs.RESEARCH;
    }

    @Override
    public Map<String, Object> run(StepContext context) {
        JobPayload.Custom asked = context.job().payload(JobPayload.Custom.class);
        CustomerBrief brief = new CustomerBrief(
                asked.customerName(), asked.industry(), asked.website(), asked.description(), asked.useCases());
        CustomerProfile profile = designer.research(brief);
        context.log(profile.customerName() + ": " + profile.industryLabel() + ", "
                + profile.regions().size() + " regions, currency " + profile.currency());
        if (profile.designBasis() != null) {
            context.log(profile.designBasis());
        }
        return Map.of(DemoOutputs.BRIEF.key(), brief, DemoOutputs.PROFILE.key(), profile);
    }
}
