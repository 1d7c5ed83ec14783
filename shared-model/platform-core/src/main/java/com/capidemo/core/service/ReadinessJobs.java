package com.capidemo.core.service;

import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.TaskQueue;
import com.capidemo.core.port.TaskRequest;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Readiness scoring as a job of its own: one READINESS job per demo, delivered through the custom-job queue
 * ({@link TaskQueue}: the local task dispatcher, or Cloud Tasks) to custom-provisioner's {@code POST /tasks/readiness},
 * so the scoring runs inside a request (with CPU on Cloud Run), is paced there under its share of the chat quota, and
 * survives restarts. The job id is derived from the demo's, so asking again for the same demo (a redelivered
 * provision, a retried finish) never queues a second job.
 */
@ApplicationScoped
public class ReadinessJobs {

    private final TaskQueue tasks;
    private final JobStore jobs;
    private final Clock clock;

    public ReadinessJobs(TaskQueue tasks, JobStore jobs, Clock clock) {
        this.tasks = tasks;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The id of the readiness job of demo {@code demoId}. */
    public static String jobIdFor(String demoId) {
        return "readiness_" + demoId;
    }

    /**
     * Queues the readiness job of a ready demo, once. A queue that cannot take it is logged and answered false: the
     * demo stays ready with its readiness unknown, and the provision that finished it is not failed for it.
     *
     * @return true when the job is queued (now or before)
     */
    public boolean enqueue(String demoId, String tenantId, String requestedBy) {
        return queue(jobIdFor(demoId), demoId, tenantId, requestedBy);
    }

    /**
     * The id of the job that scores demo {@code demoId} again after its talk track became {@code version} (a short
     * token naming one edit of it): a job per edit, apart from the demo's first scoring.
     */
    public static String rescoreJobIdFor(String demoId, String version) {
        if (version == null || !version.matches("[a-z0-9]{1,32}")) {
            throw new IllegalArgumentException("a talk track version is 1-32 lower-case letters or digits: " + version);
        }
        return jobIdFor(demoId) + "_" + version;
    }

    /**
     * Queues a new scoring of a ready demo whose talk track changed, on the same queue and pacing as its first one.
     * Each version gets a job of its own (so an edit after the demo was scored is scored again, where asking for the
     * first job again would find it finished), while the same version asked for twice, and every redelivery of its
     * job, is still one job scored once.
     *
     * @return the job's id, when it is queued (now or before)
     */
    public Optional<String> enqueueRescore(String demoId, String tenantId, String requestedBy, String version) {
        String jobId = rescoreJobIdFor(demoId, version);
        return queue(jobId, demoId, tenantId, requestedBy) ? Optional.of(jobId) : Optional.empty();
    }

    private boolean queue(String jobId, String demoId, String tenantId, String requestedBy) {
        try {
            if (jobs.find(jobId).isPresent()) {
                return true;
            }
            Job job = Job.queued(jobId, null, tenantId, new JobPayload.Readiness(demoId, requestedBy), clock.instant());
            tasks.submit(
                    null,
                    job,
                    new TaskRequest(
                            TaskRequest.nameFor(jobId), TaskRequest.READINESS, Json.bytes(Map.of("job_id", jobId))));
            Log.infof("queued readiness job %s for demo %s", jobId, demoId);
            return true;
        } catch (RuntimeException e) {
            Log.warnf(
                    "could not queue the readiness job of demo %s; its readiness stays unknown: %s",
                    demoId, JobErrors.describe(e));
            return false;
        }
    }
}
