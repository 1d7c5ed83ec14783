package com.capidemo.local;

import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobLog;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.domain.Lease;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.ClaimOutcome;
import com.capidemo.core.port.DuplicateJobException;
import com.capidemo.core.port.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Jobs in SQLite; every transition is an UPDATE guarded by the states the state machine allows. */
@Typed(SqliteJobStore.class)
@ApplicationScoped
public class SqliteJobStore implements JobStore {

    private final SqliteDatabase db;
    private final Clock clock;

    /** @param clock the time leases are granted and checked by */
    @Inject
    public SqliteJobStore(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Inserts a new job inside the caller's transaction (used together with the demo and outbox rows). */
    static void insert(Connection c, Job job) throws SQLException {
        String key = job.exclusiveKey();
        if (key != null) {
            Optional<String> holder = Sql.one(c, """
                    SELECT job_id FROM jobs WHERE exclusive_key = ? AND status IN ('queued', 'running')""", rs -> rs.getString(1), key);
            if (holder.isPresent()) {
                throw new DuplicateJobException(key, holder.get());
            }
        }
        Sql.update(
                c,
                """
                INSERT INTO jobs(job_id, demo_id, tenant_id, type, status, progress, current_phase, payload,
                                 attempts, created_at, updated_at, exclusive_key, created_by, source_demo_id)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                job.jobId(),
                job.demoId(),
                job.tenantId(),
                job.type().wire(),
                job.status().wire(),
                job.progress(),
                job.currentPhase(),
                Json.write(job.payload()),
                job.attempts(),
                job.createdAt(),
                job.updatedAt(),
                key,
                job.createdBy(),
                job.sourceDemoId());
        for (JobLog log : job.logs()) {
            appendLog(c, job.jobId(), log);
        }
    }

    @Override
    public boolean create(Job job) {
        return db.write(c -> {
            if (findIn(c, job.jobId()).isPresent()) {
                return false;
            }
            insert(c, job);
            return true;
        });
    }

    @Override
    public Optional<Job> find(String jobId) {
        return db.read(c -> Sql.one(c, "SELECT * FROM jobs WHERE job_id = ?", rs -> map(rs, logs(c, jobId)), jobId));
    }

    @Override
    public List<Job> listByTenant(String tenantId, int limit) {
        return db.read(c -> Sql.list(
                c,
                "SELECT * FROM jobs WHERE tenant_id = ? ORDER BY created_at DESC LIMIT ?",
                rs -> map(rs, List.of()),
                tenantId,
                limit));
    }

    @Override
    public List<Duration> recentQuickDurations(String templateId, int recent) {
        // One range of the partial index jobs_quick_completed (V7__quick_durations.sql).
        return db.read(c -> Sql.list(c, """
                SELECT completed_at - created_at FROM jobs
                WHERE type = 'quick' AND status = 'completed' AND json_extract(payload, '$.template_id') = ?
                ORDER BY completed_at DESC LIMIT ?""", rs -> Duration.ofMillis(rs.getLong(1)), templateId, recent));
    }

    @Override
    public Optional<String> activeJobFor(String demoId) {
        // Each branch is served by its partial index of unfinished jobs (jobs_demo_active, jobs_source_active).
        return db.read(c -> Sql.one(c, """
                SELECT job_id FROM jobs WHERE demo_id = ? AND status IN ('queued', 'running')
                UNION ALL
                SELECT job_id FROM jobs WHERE source_demo_id = ? AND status IN ('queued', 'running')
                LIMIT 1""", rs -> rs.getString(1), demoId, demoId));
    }

    @Override
    public ClaimOutcome claim(String jobId, String owner, Duration leaseDuration) {
        Instant now = clock.instant();
        return db.write(c -> {
            int claimed = Sql.update(c, """
                    UPDATE jobs SET status = 'running', lease_owner = ?, lease_expires_at = ?,
                           attempts = attempts + 1, started_at = coalesce(started_at, ?), updated_at = ?,
                           current_phase = 'claimed'
                    WHERE job_id = ? AND (status = 'queued' OR (status = 'running' AND lease_expires_at <= ?))""", owner, now.plus(leaseDuration), now, now, jobId, now);
            if (claimed == 1) {
                appendLog(c, jobId, JobLog.info(now, "Claimed by worker " + owner));
            }
            Optional<Job> job = findIn(c, jobId);
            if (job.isEmpty()) {
                return ClaimOutcome.of(ClaimOutcome.Kind.NOT_FOUND, null);
            }
            if (claimed == 1) {
                return ClaimOutcome.of(ClaimOutcome.Kind.CLAIMED, job.get());
            }
            return ClaimOutcome.of(
                    job.get().status().isTerminal()
                            ? ClaimOutcome.Kind.ALREADY_FINISHED
                            : ClaimOutcome.Kind.LEASED_BY_OTHER,
                    job.get());
        });
    }

    @Override
    public boolean heartbeat(
            String jobId, String owner, Duration leaseDuration, int progress, String phase, List<JobLog> logs) {
        Instant now = clock.instant();
        return updateThenLog(jobId, logs, """
                UPDATE jobs SET lease_expires_at = ?, progress = max(progress, ?), current_phase = ?, updated_at = ?
                WHERE job_id = ? AND status = 'running' AND lease_owner = ?""", now.plus(leaseDuration), progress, phase, now, jobId, owner);
    }

    @Override
    public boolean release(String jobId, String owner, JobLog log) {
        Instant now = clock.instant();
        return updateThenLog(jobId, log, """
                UPDATE jobs SET lease_expires_at = ?, current_phase = 'retrying', updated_at = ?
                WHERE job_id = ? AND status = 'running' AND lease_owner = ?""", now, now, jobId, owner);
    }

    @Override
    public boolean releaseDeferred(String jobId, String owner, JobLog log) {
        Instant now = clock.instant();
        // The owner is cleared with the lease, so a second call for the same claim matches nothing.
        return updateThenLog(jobId, log, """
                UPDATE jobs SET lease_owner = NULL, lease_expires_at = ?, attempts = max(attempts - 1, 0),
                       current_phase = 'deferred', updated_at = ?
                WHERE job_id = ? AND status = 'running' AND lease_owner = ?""", now, now, jobId, owner);
    }

    @Override
    public boolean complete(String jobId, String owner, Map<String, Object> result, JobLog log) {
        Instant now = clock.instant();
        return updateThenLog(
                jobId, log, """
                UPDATE jobs SET status = 'completed', progress = 100, current_phase = 'completed', result = ?,
                       lease_owner = NULL, lease_expires_at = NULL, updated_at = ?, completed_at = ?
                WHERE job_id = ? AND status IN (%s) AND lease_owner = ?""".formatted(from(JobStatus.COMPLETED)), Json.write(result), now, now, jobId, owner);
    }

    @Override
    public boolean fail(String jobId, String owner, String error) {
        Instant now = clock.instant();
        return updateThenLog(
                jobId,
                new JobLog(now, "ERROR", "Job failed: " + error),
                """
                UPDATE jobs SET status = 'failed', current_phase = 'failed', error = ?, lease_owner = NULL,
                       lease_expires_at = NULL, updated_at = ?, completed_at = ?
                WHERE job_id = ? AND status IN (%s) AND (? IS NULL OR lease_owner = ?)""".formatted(from(JobStatus.FAILED)),
                error,
                now,
                now,
                jobId,
                owner,
                owner);
    }

    @Override
    public List<Job> unfinishedCreatedBefore(Instant createdAtOrBefore, int limit) {
        // Served by the partial index of unfinished jobs by creation time (jobs_unfinished_created).
        return db.read(c -> Sql.list(c, """
                SELECT * FROM jobs WHERE status IN ('queued', 'running') AND created_at <= ?
                ORDER BY created_at LIMIT ?""", rs -> map(rs, List.of()), createdAtOrBefore, limit));
    }

    @Override
    public boolean failAbandoned(String jobId, String error) {
        Instant now = clock.instant();
        return updateThenLog(jobId, new JobLog(now, "ERROR", "Job failed: " + error), """
                UPDATE jobs SET status = 'failed', current_phase = 'failed', error = ?, lease_owner = NULL,
                       lease_expires_at = NULL, updated_at = ?, completed_at = ?
                WHERE job_id = ? AND (status = 'queued' OR (status = 'running'
                      AND (lease_expires_at IS NULL OR lease_expires_at <= ?)))""", error, now, now, jobId, now);
    }

    /** Runs a guarded UPDATE; when it matched the job, appends the log line in the same transaction. */
    private boolean updateThenLog(String jobId, JobLog log, String sql, Object... args) {
        return updateThenLog(jobId, log == null ? List.of() : List.of(log), sql, args);
    }

    private boolean updateThenLog(String jobId, List<JobLog> logs, String sql, Object... args) {
        return db.write(c -> {
            int n = Sql.update(c, sql, args);
            if (n == 1 && logs != null) {
                for (JobLog log : logs) {
                    appendLog(c, jobId, log);
                }
            }
            return n == 1;
        });
    }

    /** The SQL list of states allowed to move to {@code target}, straight from the state machine. */
    private static String from(JobStatus target) {
        Set<JobStatus> states = JobStatus.predecessorsOf(target);
        return states.stream().map(s -> "'" + s.wire() + "'").collect(Collectors.joining(","));
    }

    static void appendLog(Connection c, String jobId, JobLog log) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO job_logs(job_id, ts, level, message) VALUES (?,?,?,?)",
                jobId,
                log.ts(),
                log.level(),
                log.message());
    }

    private Optional<Job> findIn(Connection c, String jobId) throws SQLException {
        return Sql.one(c, "SELECT * FROM jobs WHERE job_id = ?", rs -> map(rs, List.of()), jobId);
    }

    private static List<JobLog> logs(Connection c, String jobId) throws SQLException {
        return Sql.list(
                c,
                "SELECT ts, level, message FROM job_logs WHERE job_id = ? ORDER BY seq",
                rs -> new JobLog(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3)),
                jobId);
    }

    private static Job map(ResultSet rs, List<JobLog> logs) throws SQLException {
        String owner = rs.getString("lease_owner");
        Instant leaseExpires = Sql.instant(rs, "lease_expires_at");
        JobType type = JobType.fromWire(rs.getString("type"));
        return new Job(
                rs.getString("job_id"),
                rs.getString("demo_id"),
                rs.getString("tenant_id"),
                type,
                JobStatus.fromWire(rs.getString("status")),
                rs.getInt("progress"),
                rs.getString("current_phase"),
                logs,
                rs.getString("error"),
                Json.map(rs.getString("result")),
                rs.getInt("attempts"),
                owner == null ? null : new Lease(owner, leaseExpires),
                JobPayload.read(type, rs.getString("payload")),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "updated_at"),
                Sql.instant(rs, "completed_at"),
                rs.getString("created_by"));
    }
}
