package com.capidemo.core.pipeline;

/** A pipeline definition that cannot run: bad YAML, an unknown step type or variable, a missing setting. */
public class PipelineException extends RuntimeException {
    public PipelineException(String message) {
        super(message);
    }

    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
