package com.capidemo.core.port;

import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable jobs. Every status change is a conditional write checked against the state machine in
 * {@link com.capidemo.core.domain.JobStatus}, so redelivery and concurrent workers are safe.
 */
public interface JobStore {

    /**
     * Stores a new job; false when a job with that id already exists.
     *
     * @throws DuplicateJobException when the job's {@link Job#exclusiveKey()} is held by an unfinished job
     */
    boolean create(Job job);

    Optional<Job> find(String jobId);

    List<Job> listByTenant(String tenantId, int limit);

    /**
     * How long the {@code recent} most recently completed quick provisions of a template took (completed_at −
     * created_at), newest first: one index range read of those jobs' two timestamps, never a read of other jobs.
     */
    List<Duration> recentQuickDurations(String templateId, int recent);

    /**
     * A queued or running job that works on the demo, as its own demo or as the source a clone copies; empty when
     * none does.
     */
    Optional<String> activeJobFor(String demoId);

    /**
     * queued → running, or running with an expired lease → running (a crashed worker's job). Records
     * the lease {owner, now + leaseDuration} and counts the attempt (which {@link #releaseDeferred} takes back).
     */
    ClaimOutcome claim(String jobId, String owner, Duration leaseDuration);

    /**
     * Extends the lease and records progress with the log lines gathered since the last heartbeat (one
     * write for all of them); false when the caller no longer holds the lease.
     */
    boolean heartbeat(
            String jobId, String owner, Duration leaseDuration, int progress, String phase, List<JobLog> logs);

    /**
     * Gives up the lease after a transient error, so the redelivered message can claim the job at once;
     * the job stays running until then.
     */
    boolean release(String jobId, String owner, JobLog log);

    /**
     * Gives up the lease of a job whose delivery was paced out (handed back to its queue to be delivered again after a
     * wait, such as a readiness job waiting for the chat quota) and takes back the attempt its claim counted, so that
     * waiting uses none of the job's attempts. The job stays running with no lease at all (no owner), so the next
     * delivery claims it at once. One conditional write: only the lease owner of a running job may do it, and only
     * once per claim, so a stale owner (another worker claimed the job since), a second call for the same claim (a
     * redelivery, or two racing), a queued or finished job changes nothing.
     *
     * @return true when the lease was given up and the attempt taken back now
     */
    boolean releaseDeferred(String jobId, String owner, JobLog log);

    /** running → completed for the lease holder. */
    boolean complete(String jobId, String owner, Map<String, Object> result, JobLog log);

    /**
     * queued|running → failed. With an owner, only the lease holder may fail the job; with a null
     * owner (dead-lettering) any non-terminal job fails.
     */
    boolean fail(String jobId, String owner, String error);

    /**
     * Unfinished (queued or running) jobs created at or before {@code createdAtOrBefore}, oldest first, at most
     * {@code limit}: the candidates of the sweep for jobs their queue gave up on.
     */
    List<Job> unfinishedCreatedBefore(Instant createdAtOrBefore, int limit);

    /**
     * queued → failed, or running → failed when no worker holds a live lease (its lease expired at or before now):
     * a job its queue has given up on. Checked and written in one conditional write, so a worker that claims or
     * renews the job first wins and a second sweep finds nothing to do.
     *
     * @return true when the job was failed now
     */
    boolean failAbandoned(String jobId, String error);
}
