package com.capidemo.core.service;

/** This worker lost its lease on a job (it was too slow or presumed dead); the new owner finishes the job. */
public class LeaseLostException extends RuntimeException {
    public LeaseLostException(String jobId) {
        super("lease on job " + jobId + " was lost");
    }
}
