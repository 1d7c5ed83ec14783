-- Custom provisioning and pipelines: exclusive jobs, step checkpoints, the local Cloud Tasks queue, events.
ALTER TABLE jobs ADD COLUMN exclusive_key TEXT;
-- One unfinished job per exclusive key (a pipeline id): the second INSERT fails, atomically.
CREATE UNIQUE INDEX jobs_exclusive_active ON jobs(exclusive_key)
  WHERE exclusive_key IS NOT NULL AND status IN ('queued', 'running');
-- Each pipeline step's checkpoint, written before the next step starts.
CREATE TABLE job_steps (
  job_id     TEXT NOT NULL,
  step_id    TEXT NOT NULL,
  position   INTEGER NOT NULL,
  type       TEXT NOT NULL,
  status     TEXT NOT NULL,              -- running | completed | failed
  attempts   INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER,
  ended_at   INTEGER,
  output     TEXT,
  logs       TEXT,
  error      TEXT,
  PRIMARY KEY (job_id, step_id)
);
-- Local stand-in for a Cloud Tasks queue: one row per task, named after its job so enqueueing twice is a no-op.
CREATE TABLE tasks (
  task_name       TEXT PRIMARY KEY,
  queue           TEXT NOT NULL,
  path            TEXT NOT NULL,
  body            BLOB NOT NULL,
  job_id          TEXT,
  status          TEXT NOT NULL,         -- pending | inflight | done | failed
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until     INTEGER,
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  finished_at     INTEGER
);
CREATE INDEX tasks_due ON tasks(status, next_attempt_at);
-- Published events (topic provision-events locally).
CREATE TABLE events (
  event_id     TEXT PRIMARY KEY,
  topic        TEXT NOT NULL,
  attributes   TEXT NOT NULL,
  data         BLOB NOT NULL,
  published_at INTEGER NOT NULL
);
CREATE INDEX events_topic ON events(topic, published_at);
