-- Demo management at scale: a per-tenant number bumped by every write to the tenant's demos, whichever
-- process makes it (api-service, the provisioners, the lifecycle service), so api-service can keep a tenant's list
-- pages and dashboards while it is unchanged and check that with one point read.
CREATE TABLE demo_changes (
  tenant_id TEXT PRIMARY KEY,
  version   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER demo_changes_on_insert AFTER INSERT ON demos BEGIN INSERT INTO demo_changes(tenant_id, version) VALUES (NEW.tenant_id, 1) ON CONFLICT(tenant_id) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER demo_changes_on_update AFTER UPDATE ON demos BEGIN INSERT INTO demo_changes(tenant_id, version) VALUES (NEW.tenant_id, 1) ON CONFLICT(tenant_id) DO UPDATE SET version = version + 1; END;
CREATE TRIGGER demo_changes_on_delete AFTER DELETE ON demos BEGIN INSERT INTO demo_changes(tenant_id, version) VALUES (OLD.tenant_id, 1) ON CONFLICT(tenant_id) DO UPDATE SET version = version + 1; END;
