package com.capidemo.shared.adapter.local;

import com.capidemo.shared.domain.Demo;
import com.capidemo.shared.domain.DemoStatus;
import com.capidemo.shared.domain.GoldenQuery;
import com.capidemo.shared.domain.Readiness;
import com.capidemo.shared.json.Json;
import com.capidemo.shared.port.DemoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Demos in SQLite. */
@Typed(SqliteDemoStore.class)
@ApplicationScoped
public class SqliteDemoStore implements DemoStore {

    private final SqliteDatabase db;

    public SqliteDemoStore(SqliteDatabase db) {
        this.db = db;
    }

    /** Inserts a new demo inside the caller's transaction. */
    static void insert(Connection c, Demo d) throws SQLException {
        Sql.update(c, """
                INSERT INTO demos(demo_id, tenant_id, created_by, customer_name, industry, template_id, dataset_id,
                                  agent_id, status, created_at, last_used, is_pinned, golden_queries, metadata, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                d.demoId(), d.tenantId(), d.createdBy(), d.customerName(), d.industry(), d.templateId(),
                d.datasetId(), d.agentId(), d.status().wire(), d.createdAt(), d.lastUsed(), d.isPinned(),
                Json.write(d.goldenQueries()), Json.write(d.metadata()), d.createdAt());
    }

    @Override
    public boolean create(Demo demo) {
        return db.write(c -> {
            if (Sql.one(c, "SELECT 1 FROM demos WHERE demo_id = ?", rs -> 1, demo.demoId()).isPresent()) {
                return false;
            }
            insert(c, demo);
            return true;
        });
    }

    @Override
    public List<String> listReadyUnscored(int limit) {
        return db.read(c -> Sql.list(c, "SELECT demo_id FROM demos WHERE status = 'ready' AND "
                + "(readiness IS NULL OR readiness = 'null') ORDER BY created_at LIMIT ?", rs -> rs.getString(1), limit));
    }

    @Override
    public Optional<Demo> find(String demoId) {
        return db.read(c -> Sql.one(c, "SELECT * FROM demos WHERE demo_id = ?", SqliteDemoStore::map, demoId));
    }

    @Override
    public List<Demo> listByTenant(String tenantId, int limit) {
        return db.read(c -> Sql.list(c, "SELECT * FROM demos WHERE tenant_id = ? ORDER BY created_at DESC, demo_id LIMIT ?",
                SqliteDemoStore::map, tenantId, limit));
    }

    @Override
    public boolean markReady(String demoId, String datasetId, String agentId, List<GoldenQuery> goldenQueries,
                             Map<String, Object> metadata) {
        Instant now = Instant.now();
        return db.write(c -> Sql.update(c, """
                UPDATE demos SET status = 'ready', dataset_id = ?, agent_id = ?, golden_queries = ?, metadata = ?,
                       error = NULL, updated_at = ?
                WHERE demo_id = ? AND status IN ('provisioning', 'failed', 'ready')""",
                datasetId, agentId, Json.write(goldenQueries), Json.write(metadata), now, demoId) == 1);
    }

    @Override
    public boolean markFailed(String demoId, String reason) {
        return db.write(c -> Sql.update(c,
                "UPDATE demos SET status = 'failed', error = ?, updated_at = ? WHERE demo_id = ? AND status = 'provisioning'",
                reason, Instant.now(), demoId) == 1);
    }

    @Override
    public boolean recordReadiness(String demoId, Readiness readiness) {
        return db.write(c -> Sql.update(c, "UPDATE demos SET readiness = ?, updated_at = ? WHERE demo_id = ?",
                Json.write(readiness), Instant.now(), demoId) == 1);
    }

    @Override
    public boolean touch(String demoId, Instant when) {
        return db.write(c -> Sql.update(c,
                "UPDATE demos SET last_used = ? WHERE demo_id = ? AND (last_used IS NULL OR last_used < ?)",
                when, demoId, when) == 1);
    }

    private static Demo map(ResultSet rs) throws SQLException {
        return new Demo(
                rs.getString("demo_id"),
                rs.getString("tenant_id"),
                rs.getString("created_by"),
                rs.getString("customer_name"),
                rs.getString("industry"),
                rs.getString("template_id"),
                rs.getString("dataset_id"),
                rs.getString("agent_id"),
                DemoStatus.fromWire(rs.getString("status")),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "last_used"),
                Sql.instant(rs, "archived_at"),
                rs.getInt("is_pinned") == 1,
                Json.list(rs.getString("golden_queries"), GoldenQuery.class),
                Json.map(rs.getString("metadata")),
                rs.getString("readiness") == null ? null : Json.read(rs.getString("readiness"), Readiness.class));
    }
}
