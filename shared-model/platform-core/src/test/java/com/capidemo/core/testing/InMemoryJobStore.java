package com.capidemo.core.testing;

import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobLog;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.domain.Lease;
import com.capidemo.core.port.ClaimOutcome;
import com.capidemo.core.port.DuplicateJobException;
import com.capidemo.core.port.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@link JobStore} held in memory for unit tests that need no database (the worker skeleton's): the same conditional
 * writes as the adapters, proved by {@code InMemoryJobStoreTest} running the {@code JobStoreContract}. Stores made by
 * {@link #withClock} share their jobs.
 */
public final class InMemoryJobStore implements JobStore {

    private final Map<String, Job> jobs;
    private final Clock clock;

    public InMemoryJobStore(Clock clock) {
        this(new LinkedHashMap<>(), clock);
    }

    private InMemoryJobStore(Map<String, Job> jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** A view of the same jobs reading time from {@code other}. */
    public InMemoryJobStore withClock(Clock other) {
        return new InMemoryJobStore(jobs, other);
    }

    @Override
    public boolean create(Job job) {
        synchronized (jobs) {
            if (jobs.containsKey(job.jobId())) {
                return false;
            }
            String key = job.exclusiveKey();
            if (key != null) {
                jobs.values().stream()
                        .filter(j -> key.equals(j.exclusiveKey()) && !j.status().isTerminal())
                        .findFirst()
                        .ifPresent(holder -> {
                            throw new DuplicateJobException(key, holder.jobId());
                        });
            }
            jobs.put(job.jobId(), job);
            return true;
        }
    }

    @Override
    public Optional<Job> find(String jobId) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(jobId));
        }
    }

    @Override
    public List<Job> listByTenant(String tenantId, int limit) {
        synchronized (jobs) {
            return jobs.values().stream()
                    .filter(j -> tenantId.equals(j.tenantId()))
                    .sorted(Comparator.comparing(Job::createdAt).reversed())
                    .limit(limit)
                    .toList();
        }
    }

    @Override
    public List<Duration> recentQuickDurations(String templateId, int recent) {
        synchronized (jobs) {
            return jobs.values().stream()
                    .filter(j -> j.type() == com.capidemo.core.domain.JobType.QUICK
                            && j.status() == JobStatus.COMPLETED
                            && templateId.equals(j.templateId()))
                    .sorted(Comparator.comparing(Job::completedAt).reversed())
                    .limit(recent)
                    .map(j -> Duration.between(j.createdAt(), j.completedAt()))
                    .toList();
        }
    }

    @Override
    public Optional<String> activeJobFor(String demoId) {
        synchronized (jobs) {
            return jobs.values().stream()
                    .filter(j -> !j.status().isTerminal())
                    .filter(j -> demoId.equals(j.demoId()) || demoId.equals(j.sourceDemoId()))
                    .map(Job::jobId)
                    .findFirst();
        }
    }

    @Override
    public ClaimOutcome claim(String jobId, String owner, Duration leaseDuration) {
        Instant now = clock.instant();
        synchronized (jobs) {
            Job job = jobs.get(jobId);
            if (job == null) {
                return ClaimOutcome.of(ClaimOutcome.Kind.NOT_FOUND, null);
            }
            if (job.status().isTerminal()) {
                return ClaimOutcome.of(ClaimOutcome.Kind.ALREADY_FINISHED, job);
            }
            if (job.status() == JobStatus.RUNNING
                    && job.lease() != null
                    && job.lease().isLiveAt(now)) {
                return ClaimOutcome.of(ClaimOutcome.Kind.LEASED_BY_OTHER, job);
            }
            Job claimed = new Job(
                    job.jobId(),
                    job.demoId(),
                    job.tenantId(),
                    job.type(),
                    JobStatus.RUNNING,
                    job.progress(),
                    "claimed",
                    append(job.logs(), JobLog.info(now, "Claimed by worker " + owner)),
                    job.error(),
                    job.result(),
                    job.attempts() + 1,
                    new Lease(owner, now.plus(leaseDuration)),
                    job.payload(),
                    job.createdAt(),
                    job.startedAt() == null ? now : job.startedAt(),
                    now,
                    job.completedAt(),
                    job.createdBy());
            jobs.put(jobId, claimed);
            return ClaimOutcome.of(ClaimOutcome.Kind.CLAIMED, claimed);
        }
    }

    @Override
    public boolean heartbeat(
            String jobId, String owner, Duration leaseDuration, int progress, String phase, List<JobLog> logs) {
        Instant now = clock.instant();
        return updateHeld(
                jobId,
                owner,
                job -> new Job(
                        job.jobId(),
                        job.demoId(),
                        job.tenantId(),
                        job.type(),
                        job.status(),
                        Math.max(job.progress(), progress),
                        phase,
                        append(job.logs(), logs.toArray(JobLog[]::new)),
                        job.error(),
                        job.result(),
                        job.attempts(),
                        new Lease(owner, now.plus(leaseDuration)),
                        job.payload(),
                        job.createdAt(),
                        job.startedAt(),
                        now,
                        job.completedAt(),
                        job.createdBy()));
    }

    @Override
    public boolean release(String jobId, String owner, JobLog log) {
        Instant now = clock.instant();
        return updateHeld(
                jobId, owner, job -> released(job, "retrying", log, job.attempts(), new Lease(owner, now), now));
    }

    @Override
    public boolean releaseDeferred(String jobId, String owner, JobLog log) {
        Instant now = clock.instant();
        return updateHeld(
                jobId, owner, job -> released(job, "deferred", log, Math.max(job.attempts() - 1, 0), null, now));
    }

    /** The job still running, with a new phase, one more log line, the attempts and lease given. */
    private static Job released(Job job, String phase, JobLog log, int attempts, Lease lease, Instant now) {
        return new Job(
                job.jobId(),
                job.demoId(),
                job.tenantId(),
                job.type(),
                job.status(),
                job.progress(),
                phase,
                append(job.logs(), log),
                job.error(),
                job.result(),
                attempts,
                lease,
                job.payload(),
                job.createdAt(),
                job.startedAt(),
                now,
                job.completedAt(),
                job.createdBy());
    }

    @Override
    public boolean complete(String jobId, String owner, Map<String, Object> result, JobLog log) {
        Instant now = clock.instant();
        return updateHeld(
                jobId,
                owner,
                job -> new Job(
                        job.jobId(),
                        job.demoId(),
                        job.tenantId(),
                        job.type(),
                        JobStatus.COMPLETED,
                        100,
                        "completed",
                        append(job.logs(), log),
                        null,
                        result,
                        job.attempts(),
                        null,
                        job.payload(),
                        job.createdAt(),
                        job.startedAt(),
                        now,
                        now,
                        job.createdBy()));
    }

    @Override
    public boolean fail(String jobId, String owner, String error) {
        Instant now = clock.instant();
        synchronized (jobs) {
            Job job = jobs.get(jobId);
            if (job == null
                    || job.status().isTerminal()
                    || (owner != null
                            && (job.lease() == null || !owner.equals(job.lease().owner())))) {
                return false;
            }
            jobs.put(
                    jobId,
                    new Job(
                            job.jobId(),
                            job.demoId(),
                            job.tenantId(),
                            job.type(),
                            JobStatus.FAILED,
                            job.progress(),
                            "failed",
                            append(job.logs(), new JobLog(now, "ERROR", error)),
                            error,
                            job.result(),
                            job.attempts(),
                            null,
                            job.payload(),
                            job.createdAt(),
                            job.startedAt(),
                            now,
                            now,
                            job.createdBy()));
            return true;
        }
    }

    @Override
    public List<Job> unfinishedCreatedBefore(Instant createdAtOrBefore, int limit) {
        synchronized (jobs) {
            return jobs.values().stream()
                    .filter(j -> !j.status().isTerminal())
                    .filter(j -> !j.createdAt().isAfter(createdAtOrBefore))
                    .sorted(Comparator.comparing(Job::createdAt))
                    .limit(limit)
                    .toList();
        }
    }

    @Override
    public boolean failAbandoned(String jobId, String error) {
        Instant now = clock.instant();
        synchronized (jobs) {
            Job job = jobs.get(jobId);
            if (job == null
                    || job.status().isTerminal()
                    || (job.status() == JobStatus.RUNNING
                            && job.lease() != null
                            && job.lease().isLiveAt(now))) {
                return false;
            }
            return fail(jobId, null, error);
        }
    }

    /** Rewrites a running job whose lease {@code owner} holds; false otherwise. */
    private boolean updateHeld(String jobId, String owner, UnaryOperator<Job> change) {
        synchronized (jobs) {
            Job job = jobs.get(jobId);
            if (job == null
                    || job.status() != JobStatus.RUNNING
                    || job.lease() == null
                    || !owner.equals(job.lease().owner())) {
                return false;
            }
            jobs.put(jobId, change.apply(job));
            return true;
        }
    }

    private static List<JobLog> append(List<JobLog> logs, JobLog... more) {
        List<JobLog> all = new ArrayList<>(logs == null ? List.of() : logs);
        for (JobLog log : more) {
            if (log != null) {
                all.add(log);
            }
        }
        return List.copyOf(all);
    }
}
