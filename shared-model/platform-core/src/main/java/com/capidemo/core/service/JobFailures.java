package com.capidemo.core.service;

import com.capidemo.core.domain.Job;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;

/**
 * Failing a job from outside its worker (a dead-lettered message, a task out of attempts, a publish that never went
 * out): the job fails whoever holds it, and its demo, if it has one, fails with the same reason.
 */
public final class JobFailures {

    private JobFailures() {}

    /** @return true when the job was failed now; false when it is unknown or already finished */
    public static boolean failWithDemo(JobStore jobs, DemoStore demos, String jobId, String reason) {
        if (jobId == null || !jobs.fail(jobId, null, reason)) {
            return false;
        }
        jobs.find(jobId).map(Job::demoId).ifPresent(demoId -> demos.markFailed(demoId, reason));
        return true;
    }
}
