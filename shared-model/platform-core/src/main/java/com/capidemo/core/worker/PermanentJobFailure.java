package com.capidemo.core.worker;

/**
 * A job attempt failed in a way another attempt cannot fix (an unknown template, a source demo that is gone, output
 * that is wrong every time): the job, and its demo, fail at once. See {@link FailureKind}.
 */
public class PermanentJobFailure extends RuntimeException {

    public PermanentJobFailure(String message) {
        super(message);
    }

    public PermanentJobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
