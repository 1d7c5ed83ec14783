package com.capidemo.local;

import com.capidemo.core.domain.InsightCounts;
import com.capidemo.core.port.InsightsStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The insights' counts in SQLite: one grouped count per table, each a range read over a covering index
 * (V10__insights.sql): demos_tenant_insights, demo_shares_tenant_created, demo_shares_tenant_opened,
 * conversation_turns_tenant.
 */
@Typed(SqliteInsightsStore.class)
@ApplicationScoped
public class SqliteInsightsStore implements InsightsStore {

    /** Each count fills its own fields of a user's counts (the others zero), so adding them up gives the whole. */
    private static final List<GroupedCount> COUNTS = List.of(
            GroupedCount.of(
                    "demos INDEXED BY demos_tenant_insights",
                    "created_at",
                    "created_by",
                    """
                    sum(source_demo_id IS NULL AND template_id IS NOT NULL),
                    sum(source_demo_id IS NULL AND template_id IS NULL),
                    sum(source_demo_id IS NOT NULL),
                    sum(share_opened_at IS NOT NULL)""",
                    rs -> new InsightCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), 0, 0, 0, 0)),
            GroupedCount.of(
                    "demo_shares INDEXED BY demo_shares_tenant_created",
                    "created_at",
                    "created_by",
                    "count(*)",
                    rs -> new InsightCounts(0, 0, 0, 0, rs.getLong(2), 0, 0, 0)),
            GroupedCount.of(
                    "demo_shares INDEXED BY demo_shares_tenant_opened",
                    "first_accessed_at",
                    "created_by",
                    "count(*)",
                    rs -> new InsightCounts(0, 0, 0, 0, 0, rs.getLong(2), 0, 0)),
            GroupedCount.of(
                    "conversation_turns INDEXED BY conversation_turns_tenant",
                    "created_at",
                    "asked_by",
                    "count(*), sum(outcome = 'declined')",
                    rs -> new InsightCounts(0, 0, 0, 0, 0, 0, rs.getLong(2), rs.getLong(3))));

    private final SqliteDatabase db;

    public SqliteInsightsStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Map<String, InsightCounts> count(String tenantId, Instant from, Instant to, Collection<String> users) {
        Map<String, InsightCounts> out = new HashMap<>();
        db.scan(c -> {
            for (GroupedCount count : COUNTS) {
                count.addTo(out, c, tenantId, from, to);
            }
            return null;
        });
        return out;
    }

    /**
     * {@code SELECT user, counts FROM source WHERE tenant_id = ? AND time in [from, to) GROUP BY user}, each row's
     * counts read by {@code counts} and added to its user's.
     */
    private record GroupedCount(String sql, Sql.Row<InsightCounts> counts) {

        static GroupedCount of(String source, String time, String user, String sums, Sql.Row<InsightCounts> counts) {
            return new GroupedCount(
                    "SELECT " + user + ", " + sums + " FROM " + source + " WHERE tenant_id = ? AND " + time
                            + " >= ? AND " + time + " < ? GROUP BY " + user,
                    counts);
        }

        private record PerUser(String user, InsightCounts counts) {}

        void addTo(Map<String, InsightCounts> out, Connection c, String tenantId, Instant from, Instant to)
                throws SQLException {
            for (PerUser row :
                    Sql.list(c, sql, rs -> new PerUser(rs.getString(1), counts.map(rs)), tenantId, from, to)) {
                if (row.user() != null) {
                    out.merge(row.user(), row.counts(), InsightCounts::plus);
                }
            }
        }
    }
}
