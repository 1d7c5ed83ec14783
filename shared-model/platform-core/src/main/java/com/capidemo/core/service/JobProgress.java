package com.capidemo.core.service;

import com.capidemo.core.domain.JobLog;
import com.capidemo.core.port.JobStore;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A running job's progress as its worker reports it. Each phase change is written at once (renewing
 * the lease); steps inside a phase are batched into one write at most every {@link #FLUSH_EVERY}, so
 * a fast load costs a handful of store writes instead of one per table.
 */
public final class JobProgress {

    static final Duration FLUSH_EVERY = Duration.ofMillis(200);

    private final JobStore jobs;
    private final Clock clock;
    private final String jobId;
    private final String owner;
    private final Duration lease;
    private final List<JobLog> pending = new ArrayList<>();
    private String phase;
    private int progress;
    private long lastFlush = System.nanoTime();

    public JobProgress(JobStore jobs, String jobId, String owner, Duration lease, Clock clock) {
        this.clock = clock;
        this.jobs = jobs;
        this.jobId = jobId;
        this.owner = owner;
        this.lease = lease;
    }

    /** Records a step; written now when it starts a new phase or the last write is old enough. */
    public void step(int newProgress, String newPhase, String message) {
        boolean phaseChanged = !newPhase.equals(phase);
        pending.add(JobLog.info(clock.instant(), message));
        progress = newProgress;
        phase = newPhase;
        Log.infof("%s [%d%%] %s", newPhase, newProgress, message);
        if (phaseChanged || System.nanoTime() - lastFlush >= FLUSH_EVERY.toNanos()) {
            flush();
        }
    }

    /** Writes what is pending; throws when this worker no longer holds the job's lease. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        if (!jobs.heartbeat(jobId, owner, lease, progress, phase, List.copyOf(pending))) {
            throw new LeaseLostException(jobId);
        }
        pending.clear();
        lastFlush = System.nanoTime();
    }
}
