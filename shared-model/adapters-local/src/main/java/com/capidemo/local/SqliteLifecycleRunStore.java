package com.capidemo.local;

import com.capidemo.core.domain.LifecycleRun;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.LifecycleRunStore;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Lifecycle runs in the SQLite {@code lifecycle_runs} table. */
@Typed(SqliteLifecycleRunStore.class)
@ApplicationScoped
public class SqliteLifecycleRunStore implements LifecycleRunStore {

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {};

    private final SqliteDatabase db;

    public SqliteLifecycleRunStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void started(LifecycleRun r, Instant deadline) {
        db.write(c -> Sql.update(
                c,
                """
                INSERT INTO lifecycle_runs(run_id, kind, triggered_by, started_at, finished_at, duration_ms, outcome,
                                           counts, error, deadline_at)
                VALUES (?,?,?,?,NULL,0,?,?,NULL,?) ON CONFLICT(run_id) DO NOTHING""",
                r.runId(),
                r.kind(),
                r.trigger(),
                r.startedAt(),
                LifecycleRun.RUNNING,
                Json.write(r.counts()),
                deadline));
    }

    @Override
    public void record(LifecycleRun r) {
        db.write(c -> Sql.update(
                c,
                """
                INSERT INTO lifecycle_runs(run_id, kind, triggered_by, started_at, finished_at, duration_ms, outcome,
                                           counts, error, deadline_at)
                VALUES (?,?,?,?,?,?,?,?,?,NULL)
                ON CONFLICT(run_id) DO UPDATE SET finished_at = excluded.finished_at,
                    duration_ms = excluded.duration_ms, outcome = excluded.outcome, counts = excluded.counts,
                    error = excluded.error, deadline_at = NULL
                WHERE lifecycle_runs.outcome IN ('running', 'abandoned')""",
                r.runId(),
                r.kind(),
                r.trigger(),
                r.startedAt(),
                r.finishedAt(),
                r.durationMs(),
                r.outcome(),
                Json.write(r.counts()),
                r.error()));
    }

    @Override
    public int abandonOverdue(Instant now, String error) {
        return db.write(c -> Sql.update(c, """
                UPDATE lifecycle_runs SET outcome = 'abandoned', error = ?, deadline_at = NULL
                WHERE outcome = 'running' AND deadline_at <= ?""", error, now));
    }

    @Override
    public List<LifecycleRun> recent(int limit) {
        return db.read(c -> Sql.list(
                c,
                "SELECT * FROM lifecycle_runs ORDER BY started_at DESC, run_id DESC LIMIT ?",
                SqliteLifecycleRunStore::map,
                limit));
    }

    private static LifecycleRun map(ResultSet rs) throws SQLException {
        return new LifecycleRun(
                rs.getString("run_id"),
                rs.getString("kind"),
                rs.getString("triggered_by"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "finished_at"),
                rs.getLong("duration_ms"),
                rs.getString("outcome"),
                Json.read(rs.getString("counts"), COUNTS),
                rs.getString("error"));
    }
}
