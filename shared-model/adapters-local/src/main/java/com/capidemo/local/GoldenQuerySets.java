package com.capidemo.local;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.json.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Golden query sets in SQLite ({@code golden_query_sets}): each distinct set (a template's, a custom demo's) is stored
 * once under the SHA-256 of its JSON and referenced by demos and agents, instead of a copy per demo. A set never
 * changes under its id, so sets read are kept in a small cache shared by every store.
 */
final class GoldenQuerySets {

    private static final int CACHE_SIZE = 256;
    private static final Map<String, List<GoldenQuery>> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<GoldenQuery>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private GoldenQuerySets() {}

    /** Stores the set if new (inside the caller's transaction); its id, or null for no queries. */
    static String store(Connection c, List<GoldenQuery> queries, Instant now) throws SQLException {
        if (queries == null || queries.isEmpty()) {
            return null;
        }
        String json = Json.write(queries);
        String id = SqliteFunctions.sha256(json);
        Sql.update(
                c,
                "INSERT OR IGNORE INTO golden_query_sets(set_id, queries, created_at) VALUES (?,?,?)",
                id,
                json,
                now);
        remember(id, List.copyOf(queries));
        return id;
    }

    /** The queries of a set; empty for a null id. */
    static List<GoldenQuery> load(Connection c, String setId) throws SQLException {
        if (setId == null) {
            return List.of();
        }
        synchronized (CACHE) {
            List<GoldenQuery> cached = CACHE.get(setId);
            if (cached != null) {
                return cached;
            }
        }
        Optional<String> json =
                Sql.one(c, "SELECT queries FROM golden_query_sets WHERE set_id = ?", rs -> rs.getString(1), setId);
        if (json.isEmpty()) {
            return List.of(); // not cached: a set is written before anything refers to it, so this is not expected
        }
        List<GoldenQuery> queries = List.copyOf(Json.list(json.get(), GoldenQuery.class));
        remember(setId, queries);
        return queries;
    }

    private static void remember(String id, List<GoldenQuery> queries) {
        synchronized (CACHE) {
            CACHE.put(id, queries);
        }
    }
}
