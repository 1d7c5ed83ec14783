package com.capidemo.core.service;

import com.capidemo.core.web.ApiProblem;

/** A demo cannot be deleted while a job still works on it (queued or running): 409, try again once it finished. */
public class DemoBusyException extends ApiProblem {

    private final String demoId;
    private final String jobId;

    public DemoBusyException(String demoId, String jobId) {
        super(
                409,
                "demo-busy",
                "Conflict",
                "Demo '" + demoId + "' cannot be deleted while job '" + jobId
                        + "' is queued or running for it; try again once the job has finished");
        this.demoId = demoId;
        this.jobId = jobId;
    }

    public String demoId() {
        return demoId;
    }

    public String jobId() {
        return jobId;
    }
}
