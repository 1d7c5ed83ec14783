package com.capidemo.core.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A unit of asynchronous work (provisioning, cloning, a pipeline run) and its visible progress. {@code createdBy} is
 * the user whose request made it (the API key's user_email).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Job(
        String jobId,
        String demoId,
        String tenantId,
        JobType type,
        JobStatus status,
        int progress,
        String currentPhase,
        List<JobLog> logs,
        String error,
        Map<String, Object> result,
        int attempts,
        Lease lease,
        Map<String, Object> payload,
        Instant createdAt,
        Instant startedAt,
        Instant updatedAt,
        Instant completedAt,
        String createdBy) {

    /** Payload key of the user who asked for the job (kept for jobs stored before {@code created_by} existed). */
    public static final String REQUESTED_BY = "requested_by";

    /** Payload key of the demo a clone job copies. */
    public static final String SOURCE_DEMO_ID = "source_demo_id";

    /** A freshly accepted job, before any worker has seen it, made by the payload's {@code requested_by}. */
    public static Job queued(String jobId, String demoId, String tenantId, JobType type,
                             Map<String, Object> payload, Instant now) {
        Object by = payload == null ? null : payload.get(REQUESTED_BY);
        return queued(jobId, demoId, tenantId, type, payload, by == null ? null : by.toString(), now);
    }

    /** A freshly accepted job made by {@code createdBy}, before any worker has seen it. */
    public static Job queued(String jobId, String demoId, String tenantId, JobType type,
                             Map<String, Object> payload, String createdBy, Instant now) {
        return new Job(jobId, demoId, tenantId, type, JobStatus.QUEUED, 0, "queued",
                List.of(JobLog.info(now, "Job accepted and queued")), null, null, 0, null,
                payload, now, null, now, null, createdBy);
    }

    /** The demo a clone job copies (null for other jobs). */
    public String sourceDemoId() {
        return payloadString(SOURCE_DEMO_ID);
    }

    /**
     * Payload key naming what only one unfinished job may hold at a time (a pipeline id): the store refuses a second
     * job with the same key while the first is queued or running.
     */
    public static final String EXCLUSIVE_KEY = "exclusive_key";

    public String exclusiveKey() {
        return payloadString(EXCLUSIVE_KEY);
    }

    public String payloadString(String key) {
        Object v = payload == null ? null : payload.get(key);
        return v == null ? null : v.toString();
    }
}
