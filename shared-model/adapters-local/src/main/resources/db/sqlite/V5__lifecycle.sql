-- Lifecycle: paged archival/deletion scans, leftovers of failed demos, notifications, lifecycle runs.
-- The archival and warning scan: ready, unpinned demos by (last_used, demo_id), a keyset page at a time.
CREATE INDEX demos_ready_unused ON demos(status, is_pinned, last_used, demo_id);
-- The deletion scan: archived demos by (archived_at, demo_id).
CREATE INDEX demos_archived ON demos(status, archived_at, demo_id);
-- When the lifecycle began deleting an archived demo (its dataset and agent are being dropped): it can no longer be
-- restored. NULL: not being deleted.
ALTER TABLE demos ADD COLUMN deletion_started_at INTEGER;
-- When the dataset a failed demo left behind was dropped (NULL: not yet).
ALTER TABLE demos ADD COLUMN leftover_cleaned_at INTEGER;
CREATE INDEX demos_failed_leftovers ON demos(demo_id) WHERE status = 'failed' AND leftover_cleaned_at IS NULL;
-- Messages to users (expiry warnings). The id is one per demo and archival cycle, so a repeated run inserts nothing.
-- delivered_at is set once the message went out on the notifications topic (the outbox of that publish).
CREATE TABLE notifications (
  notification_id TEXT PRIMARY KEY,
  tenant_id       TEXT NOT NULL,
  recipient       TEXT NOT NULL,
  demo_id         TEXT NOT NULL,
  kind            TEXT NOT NULL,
  customer_name   TEXT,
  message         TEXT NOT NULL,
  archive_on      INTEGER,
  created_at      INTEGER NOT NULL,
  delivered_at    INTEGER,
  -- Until when one run holds the right to publish it (two runs at once publish it once).
  delivery_lease_until INTEGER
);
CREATE INDEX notifications_recipient ON notifications(tenant_id, recipient, created_at DESC, notification_id DESC);
CREATE INDEX notifications_undelivered ON notifications(created_at, notification_id) WHERE delivered_at IS NULL;
-- One row per lifecycle run (cleanup, send-warnings, export-metrics).
CREATE TABLE lifecycle_runs (
  run_id       TEXT PRIMARY KEY,
  kind         TEXT NOT NULL,
  triggered_by TEXT NOT NULL,
  started_at   INTEGER NOT NULL,
  finished_at  INTEGER NOT NULL,
  duration_ms  INTEGER NOT NULL,
  outcome      TEXT NOT NULL,
  counts       TEXT NOT NULL,
  error        TEXT
);
CREATE INDEX lifecycle_runs_started ON lifecycle_runs(started_at DESC, run_id DESC);
