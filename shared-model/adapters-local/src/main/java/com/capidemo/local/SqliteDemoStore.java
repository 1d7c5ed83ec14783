package com.capidemo.local;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoCount;
import com.capidemo.core.domain.DemoCursor;
import com.capidemo.core.domain.DemoFilter;
import com.capidemo.core.domain.DemoSearch;
import com.capidemo.core.domain.DemoStats;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.DemoSummary;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Demos in SQLite. */
@Typed(SqliteDemoStore.class)
@ApplicationScoped
public class SqliteDemoStore implements DemoStore {

    private final SqliteDatabase db;
    private final Clock clock;

    @Inject
    public SqliteDemoStore(SqliteDatabase db, Clock clock) {
        this.clock = clock;
        this.db = db;
    }

    /** Inserts a new demo inside the caller's transaction. */
    static void insert(Connection c, Demo d) throws SQLException {
        String goldenSet = GoldenQuerySets.store(c, d.goldenQueries(), d.createdAt());
        Sql.update(
                c,
                """
                INSERT INTO demos(demo_id, tenant_id, created_by, customer_name, industry, template_id, dataset_id,
                                  agent_id, status, created_at, last_used, archived_at, is_pinned, golden_set_id,
                                  metadata, updated_at, table_count, total_rows, search_text, pinned_at, deleted_at,
                                  source_demo_id)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                d.demoId(),
                d.tenantId(),
                d.createdBy(),
                d.customerName(),
                d.industry(),
                d.templateId(),
                d.datasetId(),
                d.agentId(),
                d.status().wire(),
                d.createdAt(),
                d.lastUsed(),
                d.archivedAt(),
                d.isPinned(),
                goldenSet,
                Json.write(d.metadata()),
                d.createdAt(),
                number(d.metadata(), "table_count"),
                number(d.metadata(), "total_rows"),
                DemoSearch.text(d.customerName()),
                d.pinnedAt(),
                d.deletedAt(),
                d.sourceDemoId());
    }

    private static long number(Map<String, Object> metadata, String key) {
        return metadata != null && metadata.get(key) instanceof Number n ? n.longValue() : 0L;
    }

    @Override
    public boolean create(Demo demo) {
        return db.write(c -> {
            if (Sql.one(c, "SELECT 1 FROM demos WHERE demo_id = ?", rs -> 1, demo.demoId())
                    .isPresent()) {
                return false;
            }
            insert(c, demo);
            return true;
        });
    }

    @Override
    public List<String> listReadyUnscored(int limit) {
        // Served by the partial index demos_ready_unscored: no scan of the other demos.
        return db.read(c -> Sql.list(
                c,
                "SELECT demo_id FROM demos WHERE status = 'ready' AND readiness IS NULL "
                        + "ORDER BY created_at LIMIT ?",
                rs -> rs.getString(1),
                limit));
    }

    @Override
    public Optional<Demo> find(String demoId) {
        return db.read(c -> Sql.one(c, "SELECT * FROM demos WHERE demo_id = ?", rs -> map(c, rs), demoId));
    }

    /** The list item columns: no JSON is read to list demos. */
    private static final String SUMMARY = "SELECT demo_id, customer_name, template_id, industry, status, is_pinned, "
            + "created_by, created_at, last_used, table_count, total_rows, readiness_score FROM demos";

    /**
     * A keyset page: {@code (created_at, demo_id) < (cursor)} over an index that starts with the tenant and the
     * filtered columns (V4 has one per filter the list and dashboard use), newest first.
     */
    @Override
    public List<DemoSummary> list(String tenantId, DemoFilter filter, Optional<DemoCursor> after, int limit) {
        StringBuilder sql = new StringBuilder(SUMMARY).append(" WHERE tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenantId));
        if (filter.status().isPresent()) {
            sql.append(" AND status = ?");
            args.add(filter.status().get().wire());
        } else {
            sql.append(" AND status <> 'deleted'");
        }
        filter.templateId().ifPresent(t -> {
            sql.append(" AND template_id = ?");
            args.add(t);
        });
        filter.pinned().ifPresent(p -> {
            sql.append(" AND is_pinned = ?");
            args.add(p);
        });
        filter.createdBy().ifPresent(u -> {
            sql.append(" AND created_by = ?");
            args.add(u);
        });
        filter.query().ifPresent(q -> {
            sql.append(" AND search_text LIKE ? ESCAPE '\\'");
            args.add("% " + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
        after.ifPresent(cur -> {
            sql.append(" AND (created_at, demo_id) < (?, ?)");
            args.add(cur.createdAt());
            args.add(cur.demoId());
        });
        sql.append(" ORDER BY created_at DESC, demo_id DESC LIMIT ?");
        args.add(limit);
        return db.scan(c -> Sql.list(c, sql.toString(), SqliteDemoStore::summary, args.toArray()));
    }

    /** One grouped COUNT over the covering index demos_tenant_user_stats. */
    /** Kept by triggers on demos (V6__demo_changes.sql), so writes of every process count; a point read. */
    @Override
    public OptionalLong changeVersion(String tenantId) {
        return OptionalLong.of(db.read(c -> Sql.one(
                        c, "SELECT version FROM demo_changes WHERE tenant_id = ?", rs -> rs.getLong(1), tenantId))
                .orElse(0L));
    }

    @Override
    public DemoStats stats(String tenantId, String createdBy, Instant since, Collection<String> templateIds) {
        record Group(String status, String template, boolean pinned, boolean recent, long count, long oldest) {}
        List<Group> groups = db.scan(c -> Sql.list(
                c,
                """
                SELECT status, template_id, is_pinned, created_at >= ? AS recent, count(*), min(created_at) FROM demos
                WHERE tenant_id = ? AND created_by = ? AND status <> 'deleted'
                GROUP BY status, template_id, is_pinned, recent""",
                rs -> new Group(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3) == 1,
                        rs.getInt(4) == 1,
                        rs.getLong(5),
                        rs.getLong(6)),
                since,
                tenantId,
                createdBy));
        long total = 0;
        long recent = 0;
        long pinned = 0;
        Instant oldestRecent = null;
        Map<String, Long> byStatus = DemoStats.liveStatuses();
        Map<String, Long> byTemplate = new TreeMap<>();
        for (Group g : groups) {
            total += g.count();
            recent += g.recent() ? g.count() : 0;
            if (g.recent() && (oldestRecent == null || g.oldest() < oldestRecent.toEpochMilli())) {
                oldestRecent = Instant.ofEpochMilli(g.oldest());
            }
            pinned += g.pinned() ? g.count() : 0;
            byStatus.merge(g.status(), g.count(), Long::sum);
            String template = g.template() == null ? DemoStats.CUSTOM : g.template();
            if (g.template() == null || templateIds.contains(g.template())) {
                byTemplate.merge(template, g.count(), Long::sum);
            }
        }
        return new DemoStats(total, recent, pinned, byStatus, byTemplate, oldestRecent);
    }

    private static DemoSummary summary(ResultSet rs) throws SQLException {
        double score = rs.getDouble("readiness_score");
        Double readiness = rs.wasNull() ? null : score;
        return new DemoSummary(
                rs.getString("demo_id"),
                rs.getString("customer_name"),
                rs.getString("template_id"),
                rs.getString("industry"),
                DemoStatus.fromWire(rs.getString("status")),
                rs.getInt("is_pinned") == 1,
                rs.getString("created_by"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "last_used"),
                rs.getLong("table_count"),
                rs.getLong("total_rows"),
                readiness);
    }

    @Override
    public boolean markReady(
            String demoId,
            String datasetId,
            String agentId,
            List<GoldenQuery> goldenQueries,
            Map<String, Object> metadata) {
        Instant now = clock.instant();
        return db.write(c -> Sql.update(
                        c,
                        """
                UPDATE demos SET status = 'ready', dataset_id = ?, agent_id = ?, golden_set_id = ?, metadata = ?,
                       table_count = ?, total_rows = ?, error = NULL, updated_at = ?
                WHERE demo_id = ? AND status IN ('provisioning', 'failed', 'ready')""",
                        datasetId,
                        agentId,
                        GoldenQuerySets.store(c, goldenQueries, now),
                        Json.write(metadata),
                        number(metadata, "table_count"),
                        number(metadata, "total_rows"),
                        now,
                        demoId)
                == 1);
    }

    @Override
    public boolean replaceGoldenQueries(String demoId, List<GoldenQuery> expected, List<GoldenQuery> replacement) {
        Instant now = clock.instant();
        return db.write(c -> {
            Optional<String[]> row = Sql.one(
                    c,
                    "SELECT status, golden_set_id FROM demos WHERE demo_id = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2)},
                    demoId);
            if (row.isEmpty()
                    || !DemoStatus.READY.wire().equals(row.get()[0])
                    || !GoldenQuerySets.load(c, row.get()[1]).equals(List.copyOf(expected))) {
                return false;
            }
            // A new set (or one stored before under the same content); the set the demo referred to is kept as is.
            String setId = GoldenQuerySets.store(c, replacement, now);
            return Sql.update(c, """
                    UPDATE demos SET golden_set_id = ?, updated_at = ?
                    WHERE demo_id = ? AND status = 'ready' AND golden_set_id IS ?""", setId, now, demoId, row.get()[1]) == 1;
        });
    }

    @Override
    public boolean markFailed(String demoId, String reason) {
        return db.write(c -> Sql.update(
                        c,
                        "UPDATE demos SET status = 'failed', error = ?, updated_at = ? WHERE demo_id = ? AND status = 'provisioning'",
                        reason,
                        clock.instant(),
                        demoId)
                == 1);
    }

    @Override
    public boolean recordReadiness(String demoId, Readiness readiness) {
        return db.write(c -> Sql.update(
                        c,
                        "UPDATE demos SET readiness = ?, readiness_score = ?, updated_at = ? WHERE demo_id = ?",
                        readiness == null ? null : Json.write(readiness),
                        readiness == null ? null : readiness.score(),
                        clock.instant(),
                        demoId)
                == 1);
    }

    @Override
    public boolean touch(String demoId, Instant when) {
        return db.write(c -> Sql.update(
                        c,
                        "UPDATE demos SET last_used = ? WHERE demo_id = ? AND (last_used IS NULL OR last_used < ?)",
                        when,
                        demoId,
                        when)
                == 1);
    }

    @Override
    public boolean setPinned(String demoId, boolean pinned, Instant at) {
        return db.write(c -> Sql.update(
                        c,
                        pinned
                                ? "UPDATE demos SET pinned_at = CASE WHEN is_pinned = 1 THEN pinned_at ELSE ? END, is_pinned = 1, "
                                        + "updated_at = ? WHERE demo_id = ? AND status <> 'deleted'"
                                : "UPDATE demos SET pinned_at = NULL, is_pinned = 0, updated_at = ? WHERE demo_id = ? AND status <> 'deleted'",
                        pinned ? new Object[] {at, at, demoId} : new Object[] {at, demoId})
                == 1);
    }

    @Override
    public DeleteOutcome markDeleted(String demoId, Instant deletedAt) {
        return db.write(c -> {
            int n = Sql.update(c, """
                    UPDATE demos SET status = 'deleted', deleted_at = ?, dataset_id = NULL, agent_id = NULL,
                           is_pinned = 0, updated_at = ?
                    WHERE demo_id = ? AND (status IN ('ready', 'archived', 'failed')
                          OR (status = 'provisioning' AND NOT EXISTS (
                                SELECT 1 FROM jobs WHERE demo_id = ? AND status IN ('queued', 'running'))))""", deletedAt, deletedAt, demoId, demoId);
            if (n == 1) {
                return DeleteOutcome.DELETED;
            }
            Optional<String> status =
                    Sql.one(c, "SELECT status FROM demos WHERE demo_id = ?", rs -> rs.getString(1), demoId);
            if (status.isEmpty()) {
                return DeleteOutcome.NOT_FOUND;
            }
            return DemoStatus.fromWire(status.get()) == DemoStatus.DELETED
                    ? DeleteOutcome.ALREADY_DELETED
                    : DeleteOutcome.BUSY;
        });
    }

    // ----- lifecycle -----

    @Override
    public List<Demo> scanReadyUnused(Instant usedAtOrBefore, Optional<Keyset> after, int limit) {
        return scan("status = 'ready' AND is_pinned = 0", "last_used", usedAtOrBefore, after, limit);
    }

    @Override
    public List<Demo> scanArchived(Instant archivedAtOrBefore, Optional<Keyset> after, int limit) {
        return scan("status = 'archived'", "archived_at", archivedAtOrBefore, after, limit);
    }

    /** One keyset page over (column, demo_id) of the rows matching {@code where} with column <= {@code upTo}. */
    private List<Demo> scan(String where, String column, Instant upTo, Optional<Keyset> after, int limit) {
        Instant at = after.map(Keyset::at).orElse(Instant.ofEpochMilli(Long.MIN_VALUE));
        String id = after.map(Keyset::id).orElse("");
        // A row-value comparison, so SQLite starts the index range at the keyset instead of filtering up to it.
        return db.read(c -> Sql.list(
                c,
                "SELECT * FROM demos WHERE " + where + " AND " + column + " <= ? AND (" + column
                        + ", demo_id) > (?, ?) ORDER BY " + column + ", demo_id LIMIT ?",
                rs -> map(c, rs),
                upTo,
                at,
                id,
                limit));
    }

    @Override
    public List<Demo> scanFailedLeftovers(Instant failedAtOrBefore, Optional<Keyset> after, int limit) {
        return db.read(
                c -> Sql.list(c, """
                SELECT * FROM demos WHERE status = 'failed' AND leftover_cleaned_at IS NULL AND demo_id > ?
                  AND updated_at <= ? ORDER BY demo_id LIMIT ?""", rs -> map(c, rs), after.map(Keyset::id).orElse(""), failedAtOrBefore, limit));
    }

    @Override
    public boolean archive(String demoId, Instant usedAtOrBefore, String templateDatasetPrefix, Instant now) {
        return db.write(c -> Sql.update(
                        c,
                        """
                UPDATE demos SET status = 'archived', archived_at = ?, updated_at = ?
                WHERE demo_id = ? AND status = 'ready' AND is_pinned = 0 AND last_used <= ?
                  AND NOT (? <> '' AND dataset_id IS NOT NULL AND substr(dataset_id, 1, length(?)) = ?)""",
                        now,
                        now,
                        demoId,
                        usedAtOrBefore,
                        templateDatasetPrefix,
                        templateDatasetPrefix,
                        templateDatasetPrefix)
                == 1);
    }

    @Override
    public boolean restore(String demoId, Instant now) {
        return db.write(c -> Sql.update(c, """
                UPDATE demos SET status = 'ready', archived_at = NULL, last_used = ?, updated_at = ?
                WHERE demo_id = ? AND status = 'archived' AND deletion_started_at IS NULL""", now, now, demoId) == 1);
    }

    @Override
    public boolean startDeletion(String demoId, Instant archivedAtOrBefore, Instant now) {
        return db.write(c -> Sql.update(c, """
                UPDATE demos SET deletion_started_at = coalesce(deletion_started_at, ?), updated_at = ?
                WHERE demo_id = ? AND status = 'archived' AND archived_at <= ?""", now, now, demoId, archivedAtOrBefore) == 1);
    }

    @Override
    public boolean markLeftoverCleaned(String demoId, Instant now) {
        return db.write(c -> Sql.update(c, """
                UPDATE demos SET leftover_cleaned_at = ? WHERE demo_id = ? AND status = 'failed'
                  AND leftover_cleaned_at IS NULL""", now, demoId) == 1);
    }

    @Override
    public List<DemoCount> countDemos() {
        return db.read(c -> Sql.list(
                c,
                "SELECT status, tenant_id, template_id, count(*) AS n FROM demos "
                        + "GROUP BY status, tenant_id, template_id ORDER BY status, tenant_id, template_id",
                rs -> new DemoCount(
                        DemoStatus.fromWire(rs.getString("status")),
                        rs.getString("tenant_id"),
                        rs.getString("template_id"),
                        rs.getLong("n"))));
    }

    private static Demo map(Connection c, ResultSet rs) throws SQLException {
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
                GoldenQuerySets.load(c, rs.getString("golden_set_id")),
                Json.map(rs.getString("metadata")),
                rs.getString("readiness") == null ? null : Json.read(rs.getString("readiness"), Readiness.class),
                Sql.instant(rs, "pinned_at"),
                Sql.instant(rs, "deleted_at"),
                rs.getString("source_demo_id"));
    }
}
