package com.capidemo.core.worker;

import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.EventPublisher;
import io.quarkus.logging.Log;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The completion and failure events of jobs of every kind (quick, clone, custom, pipeline, readiness) on
 * {@link EventPublisher#PROVISION_EVENTS}: event id {@code {job_id}-completed} or {@code {job_id}-failed}, attributes
 * {job_type, tenant_id, status}, data {job_id, job_type, tenant_id, demo_id, status, error}. A publish that fails is
 * logged and never undoes the finished job.
 */
public final class ProvisionEvents {

    private ProvisionEvents() {}

    public static void completed(EventPublisher events, Job job) {
        publish(events, job, "completed", null);
    }

    public static void failed(EventPublisher events, Job job, String reason) {
        publish(events, job, "failed", reason);
    }

    private static void publish(EventPublisher events, Job job, String status, String error) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("job_id", job.jobId());
        event.put("job_type", job.type().wire());
        event.put("tenant_id", job.tenantId());
        // a readiness job names the demo it scores in its payload, not as its own demo
        event.put(
                "demo_id",
                job.demoId() == null && job.payload() instanceof JobPayload.Readiness readiness
                        ? readiness.demoId()
                        : job.demoId());
        event.put("status", status);
        event.put("error", error);
        try {
            events.publish(
                    EventPublisher.PROVISION_EVENTS,
                    job.jobId() + "-" + status,
                    Map.of("job_type", job.type().wire(), "tenant_id", job.tenantId(), "status", status),
                    Json.bytes(event));
        } catch (RuntimeException e) {
            Log.warnf(e, "could not publish the %s event of job %s", status, job.jobId());
        }
    }
}
