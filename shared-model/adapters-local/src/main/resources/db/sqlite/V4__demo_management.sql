-- Demo management: users' keys, the compact demo list, pin, clone, delete, share links.
-- sha256(text) and demo_search_text(name) are Java functions SqliteDatabase registers on every connection.

-- Golden queries are stored once per distinct set (a template's, a custom demo's) and referenced by demos and agents.
CREATE TABLE golden_query_sets (
  set_id     TEXT PRIMARY KEY,          -- SHA-256 of the queries' JSON
  queries    TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
INSERT OR IGNORE INTO golden_query_sets(set_id, queries, created_at)
  SELECT sha256(golden_queries), golden_queries, min(created_at) FROM demos
  WHERE golden_queries IS NOT NULL AND golden_queries NOT IN ('[]', 'null') GROUP BY golden_queries;
ALTER TABLE demos ADD COLUMN golden_set_id TEXT;
UPDATE demos SET golden_set_id = sha256(golden_queries)
  WHERE golden_queries IS NOT NULL AND golden_queries NOT IN ('[]', 'null');
ALTER TABLE demos DROP COLUMN golden_queries;
INSERT OR IGNORE INTO golden_query_sets(set_id, queries, created_at)
  SELECT sha256(golden_queries), golden_queries, min(created_at) FROM data_agents
  WHERE golden_queries NOT IN ('[]', 'null') GROUP BY golden_queries;
ALTER TABLE data_agents ADD COLUMN golden_set_id TEXT;
UPDATE data_agents SET golden_set_id = sha256(golden_queries) WHERE golden_queries NOT IN ('[]', 'null');
ALTER TABLE data_agents DROP COLUMN golden_queries;

-- What a list item shows, as columns: no JSON is parsed to list demos.
ALTER TABLE demos ADD COLUMN table_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE demos ADD COLUMN total_rows INTEGER NOT NULL DEFAULT 0;
UPDATE demos SET table_count = coalesce(json_extract(metadata, '$.table_count'), 0),
                 total_rows = coalesce(json_extract(metadata, '$.total_rows'), 0)
  WHERE json_valid(metadata);
UPDATE demos SET readiness = NULL WHERE readiness = 'null';
ALTER TABLE demos ADD COLUMN readiness_score REAL;
UPDATE demos SET readiness_score = json_extract(readiness, '$.score') WHERE json_valid(readiness);
ALTER TABLE demos ADD COLUMN search_text TEXT;
UPDATE demos SET search_text = demo_search_text(customer_name);
ALTER TABLE demos ADD COLUMN pinned_at INTEGER;
ALTER TABLE demos ADD COLUMN deleted_at INTEGER;
ALTER TABLE demos ADD COLUMN source_demo_id TEXT;

-- Keyset pages over (created_at DESC, demo_id DESC), one index per filter the list and the dashboard use.
DROP INDEX demos_tenant_created;
CREATE INDEX demos_tenant_created ON demos(tenant_id, created_at DESC, demo_id DESC);
CREATE INDEX demos_tenant_user ON demos(tenant_id, created_by, created_at DESC, demo_id DESC);
CREATE INDEX demos_tenant_status ON demos(tenant_id, status, created_at DESC, demo_id DESC);
CREATE INDEX demos_tenant_template ON demos(tenant_id, template_id, created_at DESC, demo_id DESC);
CREATE INDEX demos_tenant_pinned ON demos(tenant_id, is_pinned, created_at DESC, demo_id DESC);
CREATE INDEX demos_tenant_user_pinned ON demos(tenant_id, created_by, is_pinned, created_at DESC, demo_id DESC);
CREATE INDEX demos_tenant_user_status ON demos(tenant_id, created_by, status, created_at DESC, demo_id DESC);
CREATE INDEX demos_tenant_user_template ON demos(tenant_id, created_by, template_id, created_at DESC, demo_id DESC);
-- The dashboard's counts of one user's demos, answered from this index alone.
CREATE INDEX demos_tenant_user_stats ON demos(tenant_id, created_by, status, template_id, is_pinned, created_at);
-- The start-up sweep for ready demos never scored.
CREATE INDEX demos_ready_unscored ON demos(created_at) WHERE status = 'ready' AND readiness IS NULL;

-- Jobs: who asked for them, the demo a clone copies, and the unfinished ones per demo (deletion refuses those).
ALTER TABLE jobs ADD COLUMN created_by TEXT;
UPDATE jobs SET created_by = json_extract(payload, '$.requested_by') WHERE json_valid(payload);
ALTER TABLE jobs ADD COLUMN source_demo_id TEXT;
CREATE INDEX jobs_demo_active ON jobs(demo_id) WHERE status IN ('queued', 'running');
CREATE INDEX jobs_source_active ON jobs(source_demo_id) WHERE status IN ('queued', 'running');

-- API keys of a tenant's users: a public key id (never the hash), who issued it, when it was revoked.
ALTER TABLE api_keys ADD COLUMN key_id TEXT;
UPDATE api_keys SET key_id = 'key_' || lower(hex(randomblob(8)));
CREATE UNIQUE INDEX api_keys_key_id ON api_keys(key_id);
ALTER TABLE api_keys ADD COLUMN issued_by TEXT;
ALTER TABLE api_keys ADD COLUMN revoked_at INTEGER;

-- Share links: looked up by the SHA-256 of the token, the token itself only as ciphertext (its owner can list it),
-- the password only as a salted PBKDF2 hash.
CREATE TABLE demo_shares (
  token_hash      TEXT PRIMARY KEY,
  encrypted_token BLOB NOT NULL,
  demo_id         TEXT NOT NULL,
  tenant_id       TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  password_hash   TEXT,
  read_only       INTEGER NOT NULL DEFAULT 1,
  access_count    INTEGER NOT NULL DEFAULT 0,
  last_accessed   INTEGER,
  revoked_at      INTEGER
);
CREATE INDEX demo_shares_demo ON demo_shares(demo_id, created_at DESC);
