package com.capidemo.core.service;

import com.capidemo.core.domain.JobLog;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.tracing.Tracing;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running job's progress as its worker reports it. Each phase change is written at once (renewing
 * the lease); steps inside a phase are batched into one write at most every {@link #FLUSH_EVERY}, so
 * a fast load costs a handful of store writes instead of one per table. Each step is also a span of the job's trace,
 * named {@code phase <phase>}, that covers the work since the previous step (the step is reported when that work is
 * done): creating the dataset, each table load or clone, verifying, the agent.
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
    private long lastStepEpochNanos;

    public JobProgress(JobStore jobs, String jobId, String owner, Duration lease, Clock clock) {
        this.clock = clock;
        this.lastStepEpochNanos = epochNanos();
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
        long now = epochNanos();
        Tracing.tracer()
                .spanBuilder("phase " + newPhase)
                .setStartTimestamp(lastStepEpochNanos, TimeUnit.NANOSECONDS)
                .setAttribute("job.id", jobId)
                .setAttribute("job.phase", newPhase)
                .setAttribute("job.progress", newProgress)
                .setAttribute("job.step", message)
                .startSpan()
                .end(now, TimeUnit.NANOSECONDS);
        lastStepEpochNanos = now;
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

    private long epochNanos() {
        Instant now = clock.instant();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }
}
