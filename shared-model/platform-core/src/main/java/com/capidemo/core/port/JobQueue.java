package com.capidemo.core.port;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Job;
import com.capidemo.core.messaging.ProvisionMessage;
import java.util.Map;

/**
 * Accepts a new job for asynchronous processing: records the demo and the job and hands a message
 * to the worker's transport (Pub/Sub, or the local outbox that behaves like it). Nothing is
 * published for a job that was not stored, and no stored job is left without its message.
 */
public interface JobQueue {

    void submit(Demo demo, Job job, Map<String, String> attributes, byte[] data);

    /**
     * Queues a job for quick-provisioner (type quick or clone) with the message and attributes its push handler and
     * the Pub/Sub subscription read: {job_type, tenant_id, job_id} and a {@link ProvisionMessage} naming the job.
     */
    default void submit(Demo demo, Job job) {
        ProvisionMessage message = new ProvisionMessage(
                job.jobId(), job.demoId(), job.tenantId(), job.type().wire(), job.templateId());
        submit(
                demo,
                job,
                Map.of("job_type", job.type().wire(), "tenant_id", job.tenantId(), "job_id", job.jobId()),
                message.toBytes());
    }
}
