package com.capidemo.core.worker;

/**
 * A job attempt failed in a way another attempt may fix (a load that left a table short, a store or transport
 * hiccup): the lease is released and the job retried until its attempts run out. See {@link FailureKind}.
 */
public class RetryableJobFailure extends RuntimeException {

    public RetryableJobFailure(String message) {
        super(message);
    }

    public RetryableJobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
