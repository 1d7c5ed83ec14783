-- A lifecycle run is recorded when it starts (outcome 'running', no finish time yet, a deadline) and replaced by its
-- outcome when it ends; a run still 'running' past its deadline (its process stopped mid-run) is marked 'abandoned'.
-- SQLite cannot drop NOT NULL from a column, so the table is rebuilt with finished_at nullable.
CREATE TABLE lifecycle_runs_new (
  run_id       TEXT PRIMARY KEY,
  kind         TEXT NOT NULL,
  triggered_by TEXT NOT NULL,
  started_at   INTEGER NOT NULL,
  finished_at  INTEGER,
  duration_ms  INTEGER NOT NULL,
  outcome      TEXT NOT NULL,
  counts       TEXT NOT NULL,
  error        TEXT,
  -- Until when a running run may still finish (NULL once it has an outcome).
  deadline_at  INTEGER
);
INSERT INTO lifecycle_runs_new(run_id, kind, triggered_by, started_at, finished_at, duration_ms, outcome, counts, error)
  SELECT run_id, kind, triggered_by, started_at, finished_at, duration_ms, outcome, counts, error FROM lifecycle_runs;
DROP TABLE lifecycle_runs;
ALTER TABLE lifecycle_runs_new RENAME TO lifecycle_runs;
CREATE INDEX lifecycle_runs_started ON lifecycle_runs(started_at DESC, run_id DESC);
CREATE INDEX lifecycle_runs_running ON lifecycle_runs(deadline_at) WHERE outcome = 'running';
