package com.capidemo.custom.pipeline;

import com.capidemo.core.domain.JobLog;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.service.LeaseLostException;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Renews a running job's lease in the background while a long step works, so a healthy worker keeps its job and a
 * dead one loses it after one lease period. Progress is published with each renewal.
 */
public final class LeaseKeeper implements AutoCloseable {

    private final JobStore jobs;
    private final String jobId;
    private final String owner;
    private final Duration lease;
    private final ScheduledExecutorService timer;
    private volatile boolean lost;
    private volatile int progress;
    private volatile String phase = "running";

    public LeaseKeeper(JobStore jobs, String jobId, String owner, Duration lease) {
        this.jobs = jobs;
        this.jobId = jobId;
        this.owner = owner;
        this.lease = lease;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-" + jobId);
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(200, lease.toMillis() / 3);
        timer.scheduleAtFixedRate(() -> renew(List.of()), every, every, TimeUnit.MILLISECONDS);
    }

    /** Records progress and log lines now (one store write); throws when the lease is gone. */
    public void report(int newProgress, String newPhase, List<JobLog> logs) {
        progress = newProgress;
        phase = newPhase;
        renew(logs);
        check();
    }

    private synchronized void renew(List<JobLog> logs) {
        if (lost) {
            return;
        }
        try {
            if (!jobs.heartbeat(jobId, owner, lease, progress, phase, logs)) {
                lost = true;
                Log.warnf("lease on job %s lost", jobId);
            }
        } catch (RuntimeException e) {
            Log.warnf("lease renewal of job %s failed (%s); will try again", jobId, e.getMessage());
        }
    }

    public void check() {
        if (lost) {
            throw new LeaseLostException(jobId);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
