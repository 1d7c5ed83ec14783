package com.capidemo.custom.pipeline;

import com.capidemo.core.pipeline.PipelineDefinition;
import com.capidemo.core.pipeline.PipelineException;
import com.capidemo.core.pipeline.StepDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Every step implementation by its type name. */
@ApplicationScoped
public class StepRegistry {

    private final Map<String, PipelineStep> steps = new TreeMap<>();

    @Inject
    public StepRegistry(Instance<PipelineStep> all) {
        this(all.stream().toList());
    }

    public StepRegistry(Iterable<PipelineStep> all) {
        for (PipelineStep step : all) {
            if (steps.put(step.type(), step) != null) {
                throw new IllegalStateException("two step implementations for type " + step.type());
            }
        }
    }

    public Set<String> types() {
        return steps.keySet();
    }

    public PipelineStep get(String type) {
        PipelineStep step = steps.get(type);
        if (step == null) {
            throw new PipelineException("unknown step type '" + type + "'");
        }
        return step;
    }

    /** Validates every step's settings, so a misconfigured pipeline fails before its first step. */
    public void validate(PipelineDefinition pipeline) {
        for (StepDefinition step : pipeline.steps()) {
            get(step.type()).validate(step);
        }
    }
}
