package com.capidemo.custom.pipeline;

/** A step threw; its checkpoint says failed and the run stops there (a retry resumes at this step). */
public class StepFailedException extends RuntimeException {

    private final String stepId;

    public StepFailedException(String stepId, Throwable cause) {
        super("step '" + stepId + "' failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage()), cause);
        this.stepId = stepId;
    }

    public String stepId() {
        return stepId;
    }
}
