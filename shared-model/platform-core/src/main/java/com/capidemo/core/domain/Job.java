package com.capidemo.core.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A unit of asynchronous work (provisioning, cloning, a pipeline run) and its visible progress. {@code payload} is
 * what it was asked to do (a {@link JobPayload} record of its {@code type}); {@code createdBy} is the user whose request
 * made it (the API key's user_email).
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
        JobPayload payload,
        Instant createdAt,
        Instant startedAt,
        Instant updatedAt,
        Instant completedAt,
        String createdBy) {

    /** A freshly accepted job of the payload's type, made by the payload's requester, before any worker has seen it. */
    public static Job queued(String jobId, String demoId, String tenantId, JobPayload payload, Instant now) {
        return new Job(
                jobId,
                demoId,
                tenantId,
                payload.type(),
                JobStatus.QUEUED,
                0,
                "queued",
                List.of(JobLog.info(now, "Job accepted and queued")),
                null,
                null,
                0,
                null,
                payload,
                now,
                null,
                now,
                null,
                payload.requestedBy());
    }

    /** The demo a clone job copies (null for other jobs). */
    public String sourceDemoId() {
        return payload instanceof JobPayload.Clone clone ? clone.sourceDemoId() : null;
    }

    /** What only one unfinished job may hold at a time; see {@link JobPayload#exclusiveKey()}. */
    public String exclusiveKey() {
        return payload == null ? null : payload.exclusiveKey();
    }

    /**
     * The payload as the record of the kind the caller handles.
     *
     * @throws IllegalStateException when the job is of another kind
     */
    public <P extends JobPayload> P payload(Class<P> kind) {
        if (!kind.isInstance(payload)) {
            throw new IllegalStateException("job " + jobId + " is a " + (type == null ? "untyped" : type.wire())
                    + " job, not a " + kind.getSimpleName().toLowerCase(Locale.ROOT) + " job");
        }
        return kind.cast(payload);
    }

    /** The template a quick or clone job provisions from (null for other jobs). */
    public String templateId() {
        return payload == null ? null : payload.templateId();
    }
}
