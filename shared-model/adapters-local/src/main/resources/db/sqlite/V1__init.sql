-- All timestamps are epoch milliseconds (INTEGER) so they compare correctly.
CREATE TABLE tenants (
  tenant_id   TEXT PRIMARY KEY,
  dataset_id  TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE TABLE api_keys (
  key_hash      TEXT PRIMARY KEY,
  tenant_id     TEXT NOT NULL REFERENCES tenants(tenant_id),
  user_email    TEXT NOT NULL,
  role          TEXT NOT NULL,
  encrypted_key BLOB NOT NULL,
  created_at    INTEGER NOT NULL,
  revoked       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_keys_tenant ON api_keys(tenant_id);
CREATE TABLE users (
  email      TEXT PRIMARY KEY,
  tenant_id  TEXT NOT NULL REFERENCES tenants(tenant_id),
  role       TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE demos (
  demo_id        TEXT PRIMARY KEY,
  tenant_id      TEXT NOT NULL,
  created_by     TEXT,
  customer_name  TEXT,
  industry       TEXT,
  template_id    TEXT,
  dataset_id     TEXT,
  agent_id       TEXT,
  status         TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  last_used      INTEGER,
  archived_at    INTEGER,
  is_pinned      INTEGER NOT NULL DEFAULT 0,
  golden_queries TEXT,
  metadata       TEXT,
  error          TEXT,
  updated_at     INTEGER NOT NULL
);
CREATE INDEX demos_tenant_created ON demos(tenant_id, created_at DESC);
CREATE INDEX demos_last_used ON demos(status, last_used);
CREATE TABLE jobs (
  job_id           TEXT PRIMARY KEY,
  demo_id          TEXT,
  tenant_id        TEXT NOT NULL,
  type             TEXT NOT NULL,
  status           TEXT NOT NULL,
  progress         INTEGER NOT NULL DEFAULT 0,
  current_phase    TEXT,
  error            TEXT,
  result           TEXT,
  payload          TEXT,
  attempts         INTEGER NOT NULL DEFAULT 0,
  lease_owner      TEXT,
  lease_expires_at INTEGER,
  created_at       INTEGER NOT NULL,
  started_at       INTEGER,
  updated_at       INTEGER NOT NULL,
  completed_at     INTEGER
);
CREATE INDEX jobs_tenant_created ON jobs(tenant_id, created_at DESC);
CREATE TABLE job_logs (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id  TEXT NOT NULL,
  ts      INTEGER NOT NULL,
  level   TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX job_logs_job ON job_logs(job_id, seq);
-- Local stand-in for a Pub/Sub push subscription: one row per message until acked or dead-lettered.
CREATE TABLE outbox (
  message_id      TEXT PRIMARY KEY,
  topic           TEXT NOT NULL,
  subscription    TEXT NOT NULL,
  data            BLOB NOT NULL,
  attributes      TEXT NOT NULL,
  job_id          TEXT,
  publish_time    INTEGER NOT NULL,
  status          TEXT NOT NULL,          -- pending | inflight | acked
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until     INTEGER,
  last_error      TEXT,
  acked_at        INTEGER
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE TABLE dead_letters (
  message_id   TEXT PRIMARY KEY,
  topic        TEXT NOT NULL,
  subscription TEXT NOT NULL,
  data         BLOB NOT NULL,
  attributes   TEXT NOT NULL,
  job_id       TEXT,
  attempts     INTEGER NOT NULL,
  last_error   TEXT,
  dead_at      INTEGER NOT NULL
);
CREATE TABLE data_agents (
  agent_id           TEXT PRIMARY KEY,
  demo_id            TEXT NOT NULL,
  tenant_id          TEXT NOT NULL,
  dataset_id         TEXT NOT NULL,
  tables             TEXT NOT NULL,
  system_instruction TEXT NOT NULL,
  golden_queries     TEXT NOT NULL,
  created_at         INTEGER NOT NULL
);
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
