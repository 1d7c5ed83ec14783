package com.capidemo.custom.steps.demo;

import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import com.capidemo.design.CustomerBrief;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.DemoDesigner;
import com.capidemo.design.UseCase;
import com.capidemo.design.UseCaseAnalysis;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Stage 2, use-case analysis: the questions the demo must answer, with their KPIs and entities. */
@ApplicationScoped
public class DemoUseCasesStep implements PipelineStep {

    private final DemoDesigner designer;

    public DemoUseCasesStep(DemoDesigner designer) {
        this.designer = designer;
    }

    @Override
    public String type() {
        return DemoOutputs.USE_CASES_STEP;
    }

    @Override
    public Map<String, Object> run(StepContext context) {
        CustomerBrief brief = context.outputOf(DemoOutputs.BRIEF);
        CustomerProfile profile = context.outputOf(DemoOutputs.PROFILE);
        UseCaseAnalysis analysis = designer.analyzeUseCases(brief, profile);
        context.log(analysis.useCases().size() + " use cases: "
                + String.join(
                        ", ", analysis.useCases().stream().map(UseCase::name).toList()));
        if (!profile.unservedUseCases().isEmpty()) {
            context.log("Use cases no industry knowledge serves: " + String.join(", ", profile.unservedUseCases()));
        }
        return Map.of(DemoOutputs.USE_CASES.key(), analysis);
    }
}
