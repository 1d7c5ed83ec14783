package com.capidemo.quick.support;

import static io.restassured.RestAssured.given;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.messaging.PushEnvelope;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.service.CloneJobs;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.Map;

/** Quick jobs for worker tests: enqueued the way api-service does, pushed the way the dispatcher does. */
public final class QuickJobs {

    public static final String SECRET = "test-secret";

    private QuickJobs() {}

    /** A queued quick job with its demo and outbox message (the dispatcher is off in tests). */
    public static ProvisionMessage enqueue(JobQueue queue, String tenantId, String templateId) {
        Instant now = Instant.now();
        String demoId = Ids.demoId();
        Job job = Job.queued(Ids.jobId(), demoId, tenantId, new JobPayload.Quick(templateId, null, null), now);
        Demo demo = Demo.provisioning(demoId, tenantId, "ce@example.com", "Acme", "Retail", templateId, now);
        ProvisionMessage message = new ProvisionMessage(job.jobId(), demoId, tenantId, "quick", templateId);
        queue.submit(demo, job, Map.of("job_type", "quick"), message.toBytes());
        return message;
    }

    /** A queued clone job of {@code source} asked for by {@code by}, as api-service's clone endpoint enqueues it. */
    public static ProvisionMessage enqueueClone(JobQueue queue, Demo source, String by, String customerName) {
        Job job = CloneJobs.submit(queue, source, by, customerName, Instant.now());
        return new ProvisionMessage(job.jobId(), job.demoId(), job.tenantId(), "clone", source.templateId());
    }

    /** A push envelope for the message, as a new delivery. */
    public static byte[] envelope(ProvisionMessage message, int deliveryAttempt) {
        return PushEnvelope.build(
                Ids.messageId(),
                Instant.now(),
                Map.of("job_type", "quick"),
                message.toBytes(),
                "projects/local/subscriptions/provision-jobs-push",
                deliveryAttempt);
    }

    public static ValidatableResponse push(byte[] body) {
        return given().header("X-Worker-Secret", SECRET)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/pubsub/push")
                .then();
    }
}
