package com.capidemo.local;

import com.capidemo.core.domain.InsightCounts;
import com.capidemo.core.port.InsightsStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The insights' counts in SQLite: one grouped count per table, each a range read over a covering index
 * (V10__insights.sql): demos_tenant_insights, demo_shares_tenant_created, demo_shares_tenant_opened,
 * conversation_turns_tenant.
 */
@Typed(SqliteInsightsStore.class)
@ApplicationScoped
public class SqliteInsightsStore implements InsightsStore {

    private final SqliteDatabase db;

    public SqliteInsightsStore(SqliteDatabase db) {
        this.db = db;
    }

    private record Row(String user, long a, long b, long c, long d) {}

    @Override
    public Map<String, InsightCounts> count(String tenantId, Instant from, Instant to, Collection<String> users) {
        Map<String, InsightCounts> out = new HashMap<>();
        db.scan(c -> {
            for (Row r : Sql.list(
                    c,
                    """
                    SELECT created_by,
                           sum(source_demo_id IS NULL AND template_id IS NOT NULL),
                           sum(source_demo_id IS NULL AND template_id IS NULL),
                           sum(source_demo_id IS NOT NULL),
                           sum(share_opened_at IS NOT NULL)
                    FROM demos INDEXED BY demos_tenant_insights
                    WHERE tenant_id = ? AND created_at >= ? AND created_at < ?
                    GROUP BY created_by""",
                    rs -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                    tenantId,
                    from,
                    to)) {
                merge(
                        out,
                        r.user(),
                        x -> new InsightCounts(
                                r.a(),
                                r.b(),
                                r.c(),
                                r.d(),
                                x.linksCreated(),
                                x.linksOpened(),
                                x.questionsAsked(),
                                x.questionsDeclined()));
            }
            for (Row r : Sql.list(c, """
                    SELECT created_by, count(*), 0, 0, 0 FROM demo_shares INDEXED BY demo_shares_tenant_created
                    WHERE tenant_id = ? AND created_at >= ? AND created_at < ?
                    GROUP BY created_by""", rs -> new Row(rs.getString(1), rs.getLong(2), 0, 0, 0), tenantId, from, to)) {
                merge(
                        out,
                        r.user(),
                        x -> new InsightCounts(
                                x.quick(),
                                x.custom(),
                                x.clones(),
                                x.sharedDemos(),
                                r.a(),
                                x.linksOpened(),
                                x.questionsAsked(),
                                x.questionsDeclined()));
            }
            for (Row r : Sql.list(c, """
                    SELECT created_by, count(*) FROM demo_shares INDEXED BY demo_shares_tenant_opened
                    WHERE tenant_id = ? AND first_accessed_at >= ? AND first_accessed_at < ?
                    GROUP BY created_by""", rs -> new Row(rs.getString(1), rs.getLong(2), 0, 0, 0), tenantId, from, to)) {
                merge(
                        out,
                        r.user(),
                        x -> new InsightCounts(
                                x.quick(),
                                x.custom(),
                                x.clones(),
                                x.sharedDemos(),
                                x.linksCreated(),
                                r.a(),
                                x.questionsAsked(),
                                x.questionsDeclined()));
            }
            for (Row r : Sql.list(
                    c, """
                    SELECT asked_by, count(*), sum(outcome = 'declined') FROM conversation_turns
                    INDEXED BY conversation_turns_tenant
                    WHERE tenant_id = ? AND created_at >= ? AND created_at < ?
                    GROUP BY asked_by""", rs -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), 0, 0), tenantId, from, to)) {
                merge(
                        out,
                        r.user(),
                        x -> new InsightCounts(
                                x.quick(),
                                x.custom(),
                                x.clones(),
                                x.sharedDemos(),
                                x.linksCreated(),
                                x.linksOpened(),
                                r.a(),
                                r.b()));
            }
            return null;
        });
        return out;
    }

    private static void merge(Map<String, InsightCounts> out, String user, UnaryOperator<InsightCounts> with) {
        if (user != null) {
            out.put(user, with.apply(out.getOrDefault(user, InsightCounts.ZERO)));
        }
    }
}
