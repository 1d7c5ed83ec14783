package com.capidemo.custom.pipeline;

/** A step finished but asked the pipeline to stop (failed data-quality checks): the run fails, not retried. */
public class PipelineHaltedException extends RuntimeException {
    public PipelineHaltedException(String stepId, String reason) {
        super("stopped after step '" + stepId + "': " + reason);
    }
}
