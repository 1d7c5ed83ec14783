-- Team insights: when each share link was first opened, when a demo first had one of its links opened, who asked
-- each chat question; each count of the insights is then a range read over one of the indexes below.
ALTER TABLE demo_shares ADD COLUMN first_accessed_at INTEGER;
UPDATE demo_shares SET first_accessed_at = last_accessed WHERE access_count > 0;
ALTER TABLE demos ADD COLUMN share_opened_at INTEGER;
UPDATE demos SET share_opened_at =
    (SELECT min(s.first_accessed_at) FROM demo_shares s WHERE s.demo_id = demos.demo_id)
  WHERE demo_id IN (SELECT demo_id FROM demo_shares WHERE first_accessed_at IS NOT NULL);
ALTER TABLE conversation_turns ADD COLUMN tenant_id TEXT;
ALTER TABLE conversation_turns ADD COLUMN asked_by TEXT;
UPDATE conversation_turns SET
  tenant_id = (SELECT c.tenant_id FROM conversations c WHERE c.conversation_id = conversation_turns.conversation_id),
  asked_by = (SELECT c.created_by FROM conversations c WHERE c.conversation_id = conversation_turns.conversation_id);
CREATE INDEX demos_tenant_insights ON demos(tenant_id, created_at, created_by, template_id, source_demo_id,
                                           share_opened_at);
CREATE INDEX demo_shares_tenant_created ON demo_shares(tenant_id, created_at, created_by);
CREATE INDEX demo_shares_tenant_opened ON demo_shares(tenant_id, first_accessed_at, created_by)
  WHERE first_accessed_at IS NOT NULL;
CREATE INDEX conversation_turns_tenant ON conversation_turns(tenant_id, created_at, asked_by, outcome);
