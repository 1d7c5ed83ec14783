package com.capidemo.core.pipeline;

import java.util.List;

/** A pipeline after variable substitution: the steps run in order, each one at most once to completion. */
public record PipelineDefinition(String name, String description, List<StepDefinition> steps) {

    public PipelineDefinition {
        steps = List.copyOf(steps);
    }
}
