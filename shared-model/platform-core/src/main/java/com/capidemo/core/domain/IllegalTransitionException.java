package com.capidemo.core.domain;

/** A state change the job state machine does not allow. */
public class IllegalTransitionException extends RuntimeException {
    public IllegalTransitionException(JobStatus from, JobStatus to) {
        super("job cannot move from " + from.wire() + " to " + to.wire());
    }
}
