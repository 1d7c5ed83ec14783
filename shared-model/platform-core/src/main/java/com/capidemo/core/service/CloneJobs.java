package com.capidemo.core.service;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.port.JobQueue;
import java.time.Instant;

/**
 * How a clone job is written and queued (api-service's clone endpoint, and tests that need one): the new demo
 * (provisioning, owned by the caller, {@code source_demo_id} recorded) and a queued job of type {@code clone} whose
 * payload names the source, handed to the quick-job queue in one submit, so quick-provisioner runs it with the same
 * lease, redelivery and dead-letter rules as a quick job.
 */
public final class CloneJobs {

    private CloneJobs() {}

    /** Stores the clone's demo and job with their message; returns the queued job (its demo id is the clone's). */
    public static Job submit(JobQueue queue, Demo source, String createdBy, String customerName, Instant now) {
        String demoId = Ids.demoId();
        String jobId = Ids.jobId();
        Demo demo = Demo.cloneOf(source, demoId, createdBy, customerName, now);
        Job job = Job.queued(
                jobId,
                demoId,
                source.tenantId(),
                new JobPayload.Clone(source.demoId(), source.templateId(), customerName, createdBy),
                now);
        queue.submit(demo, job);
        return job;
    }
}
