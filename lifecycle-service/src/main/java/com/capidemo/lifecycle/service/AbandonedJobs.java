package com.capidemo.lifecycle.service;

import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fails the jobs their queue gave up on. After Cloud Tasks' last attempt, or a dead-lettered message the dead-letter
 * push could not hand over, nothing would ever deliver the job again: it would stay queued (or running under a lease
 * nobody renews) for ever, its demo could not be deleted (busy) and a pipeline's lock would never be released.
 *
 * <p>A job is abandoned when it was created longer ago than its queue's retry window ({@link QueueRetryWindows}) and
 * is still queued, or running with a lease that expired (a worker running a long job renews its lease and is left
 * alone). It fails with a reason that says so, its demo (when still provisioning) fails with the same reason, and a
 * pipeline's lock, held only while its job is unfinished, is free again. A readiness job holds no demo of its own (it
 * names the demo it scores in its payload): its demo stays ready with its readiness unknown, and the failure is logged
 * with the demo's id, so a readiness that will never come is never left pending in silence. The failure is one conditional write
 * ({@link JobStore#failAbandoned}): a worker that claims the job first wins, a redelivery after it is acked and
 * ignored like any for a finished job, and two runs at once fail each job once.
 */
@ApplicationScoped
public class AbandonedJobs {

    private final JobStore jobs;
    private final DemoStore demos;
    private final QueueRetryWindows windows;
    private final LifecyclePolicy policy;

    public AbandonedJobs(JobStore jobs, DemoStore demos, QueueRetryWindows windows, LifecyclePolicy policy) {
        this.jobs = jobs;
        this.demos = demos;
        this.windows = windows;
        this.policy = policy;
    }

    public PhaseResult run(Instant now) {
        Instant cutoff = now.minus(windows.shortest());
        long failed = 0;
        long errors = 0;
        // Failed jobs leave the unfinished set, so each page starts again from the oldest. A page in which nothing
        // could be failed (all still inside a longer window or under a live lease) ends the run; the next run goes on.
        while (true) {
            List<Job> page = jobs.unfinishedCreatedBefore(cutoff, policy.pageSize());
            long failedInPage = 0;
            for (Job job : page) {
                try {
                    if (abandoned(job, now) && fail(job, now)) {
                        failedInPage++;
                    }
                } catch (RuntimeException e) {
                    errors++;
                    Log.warnf("could not fail abandoned job %s; the next run retries: %s", job.jobId(), e.getMessage());
                }
            }
            failed += failedInPage;
            if (page.size() < policy.pageSize() || failedInPage == 0) {
                return new PhaseResult(failed, errors);
            }
        }
    }

    private boolean abandoned(Job job, Instant now) {
        if (job.createdAt().isAfter(now.minus(windows.of(job.type())))) {
            return false;
        }
        return job.status() == JobStatus.QUEUED
                || job.status() == JobStatus.RUNNING
                        && (job.lease() == null
                                || job.lease().expiresAt() == null
                                || !job.lease().isLiveAt(now));
    }

    private boolean fail(Job job, Instant now) {
        Duration window = windows.of(job.type());
        String reason = (job.status() == JobStatus.QUEUED
                        ? "never picked up by a worker"
                        : "its worker stopped after attempt " + job.attempts() + " and it was never delivered again")
                + ": the " + windows.queueOf(job.type()) + " gives up on a job " + human(window)
                + " after it is created (created " + job.createdAt() + ")";
        if (!jobs.failAbandoned(job.jobId(), reason)) {
            return false; // claimed, renewed or finished in the meantime
        }
        if (job.payload() instanceof JobPayload.Readiness readiness) {
            Log.warnf(
                    "readiness job %s failed, so the readiness of demo %s stays unknown (the demo stays ready): %s",
                    job.jobId(), readiness.demoId(), reason);
            return true;
        }
        Log.warnf("job %s (%s) failed: %s", job.jobId(), job.type(), reason);
        if (job.demoId() != null) {
            demos.markFailed(job.demoId(), reason);
        }
        return true;
    }

    private static String human(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
