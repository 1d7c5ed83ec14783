package com.capidemo.custom.steps.demo;

import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import com.capidemo.design.CustomerBrief;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.DemoDesigner;
import com.capidemo.core.domain.Job;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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
        return "demo_research";
    }

    @Override
    public Map<String, Object> run(StepContext context) {
        Job job = context.job();
        Object useCases = job.payload().get("use_cases");
        CustomerBrief brief = new CustomerBrief(job.payloadString("customer_name"), job.payloadString("industry"),
                job.payloadString("website"), job.payloadString("description"),
                useCases instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of());
        CustomerProfile profile = designer.research(brief);
        context.log(profile.customerName() + ": " + profile.industryLabel() + ", " + profile.regions().size()
                + " regions, currency " + profile.currency());
        if (profile.designBasis() != null) {
            context.log(profile.designBasis());
        }
        return Map.of("brief", brief, "profile", profile);
    }
}
