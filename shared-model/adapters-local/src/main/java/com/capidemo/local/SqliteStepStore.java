package com.capidemo.local;

import com.capidemo.core.domain.JobLog;
import com.capidemo.core.domain.StepRecord;
import com.capidemo.core.domain.StepStatus;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.StepStore;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Step checkpoints in SQLite; each write checks the job's lease in the same transaction. */
@Typed(SqliteStepStore.class)
@ApplicationScoped
public class SqliteStepStore implements StepStore {

    private static final TypeReference<List<JobLog>> LOGS = new TypeReference<>() {};

    private final SqliteDatabase db;

    public SqliteStepStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public List<StepRecord> list(String jobId) {
        return db.read(c -> Sql.list(
                c,
                "SELECT * FROM job_steps WHERE job_id = ? ORDER BY position",
                rs -> new StepRecord(
                        rs.getString("job_id"),
                        rs.getString("step_id"),
                        rs.getInt("position"),
                        rs.getString("type"),
                        StepStatus.fromWire(rs.getString("status")),
                        rs.getInt("attempts"),
                        Sql.instant(rs, "started_at"),
                        Sql.instant(rs, "ended_at"),
                        Json.map(rs.getString("output")),
                        rs.getString("logs") == null ? List.of() : Json.read(rs.getString("logs"), LOGS),
                        rs.getString("error")),
                jobId));
    }

    @Override
    public boolean start(String jobId, String stepId, int position, String type, String owner, Instant now) {
        return db.write(
                c -> holdsLease(c, jobId, owner) && Sql.update(c, """
                INSERT INTO job_steps(job_id, step_id, position, type, status, attempts, started_at, logs)
                VALUES (?,?,?,?,'running',1,?,'[]')
                ON CONFLICT(job_id, step_id) DO UPDATE SET status = 'running', attempts = attempts + 1,
                    started_at = excluded.started_at, ended_at = NULL, error = NULL
                WHERE job_steps.status <> 'completed'""", jobId, stepId, position, type, now) == 1);
    }

    @Override
    public boolean complete(
            String jobId, String stepId, String owner, Map<String, Object> output, List<JobLog> logs, Instant now) {
        return finish(jobId, stepId, owner, StepStatus.COMPLETED, Json.write(output), null, logs, now);
    }

    @Override
    public boolean fail(String jobId, String stepId, String owner, String error, List<JobLog> logs, Instant now) {
        return finish(jobId, stepId, owner, StepStatus.FAILED, null, error, logs, now);
    }

    private boolean finish(
            String jobId,
            String stepId,
            String owner,
            StepStatus status,
            String output,
            String error,
            List<JobLog> logs,
            Instant now) {
        return db.write(c -> holdsLease(c, jobId, owner)
                && Sql.update(c, """
                UPDATE job_steps SET status = ?, output = ?, error = ?, logs = ?, ended_at = ?
                WHERE job_id = ? AND step_id = ? AND status = 'running'""", status.wire(), output, error, Json.write(logs), now, jobId, stepId) == 1);
    }

    private static boolean holdsLease(Connection c, String jobId, String owner) throws SQLException {
        return Sql.one(
                        c,
                        "SELECT 1 FROM jobs WHERE job_id = ? AND status = 'running' AND lease_owner = ?",
                        rs -> true,
                        jobId,
                        owner)
                .isPresent();
    }
}
