package com.capidemo.custom.pipeline;

import com.capidemo.core.service.JobErrors;

/**
 * A step threw; its checkpoint says failed and the run stops there (a retry resumes at this step). The message is
 * what users see ({@link JobErrors}: no SQL, no class names); the cause keeps everything for the log.
 */
public class StepFailedException extends RuntimeException {

    private final String stepId;

    public StepFailedException(String stepId, Throwable cause) {
        super("step '" + stepId + "' failed: " + JobErrors.describe(cause), cause);
        this.stepId = stepId;
    }

    public String stepId() {
        return stepId;
    }
}
