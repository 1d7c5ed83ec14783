-- Chat: the readiness score of each demo, and conversations with their turns.
ALTER TABLE demos ADD COLUMN readiness TEXT;
CREATE TABLE conversations (
  conversation_id TEXT PRIMARY KEY,
  tenant_id       TEXT NOT NULL,
  demo_id         TEXT NOT NULL,
  created_by      TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX conversations_tenant ON conversations(tenant_id, updated_at DESC);
CREATE INDEX conversations_demo ON conversations(demo_id);
CREATE TABLE conversation_turns (
  conversation_id     TEXT NOT NULL REFERENCES conversations(conversation_id) ON DELETE CASCADE,
  seq                 INTEGER NOT NULL,
  question            TEXT NOT NULL,
  answer              TEXT NOT NULL,
  sql                 TEXT,
  result              TEXT,
  chart               TEXT,
  follow_up_questions TEXT,
  outcome             TEXT NOT NULL,
  state               TEXT,
  created_at          INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);
