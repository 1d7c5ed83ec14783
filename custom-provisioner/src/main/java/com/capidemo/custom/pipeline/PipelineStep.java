package com.capidemo.custom.pipeline;

import com.capidemo.core.pipeline.StepDefinition;
import java.util.Map;

/**
 * One kind of pipeline step, referenced by {@code type:} in pipeline YAML. Implementations must be idempotent: a step
 * that crashed halfway runs again from its start, over whatever it left behind.
 */
public interface PipelineStep {

    String type();

    /** Checks the step's settings when the pipeline is loaded, before any step runs; throws PipelineException. */
    default void validate(StepDefinition step) {}

    /** Does the work and returns the output checkpointed for later steps and for the run's status. */
    Map<String, Object> run(StepContext context) throws Exception;
}
