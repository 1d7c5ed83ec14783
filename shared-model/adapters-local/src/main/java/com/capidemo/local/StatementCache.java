package com.capidemo.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared read statements kept per pooled read connection, so a point read (an API key, a change version) does not
 * compile its SQL again each time. A connection is used by one thread at a time (it is borrowed from a pool), so its
 * statements need no lock; a statement is taken out while it runs and put back after, so nested use of the same SQL
 * on the same connection gets a fresh statement instead of sharing one. Closing a result set resets its statement,
 * so a kept statement never holds a read transaction open. A statement that failed is closed, not kept.
 */
final class StatementCache {

    /** Distinct read queries kept per connection; the least recently used one is closed beyond that. */
    static final int SIZE = 64;

    private static final Map<Connection, StatementCache> CACHES = new ConcurrentHashMap<>();

    private final LinkedHashMap<String, PreparedStatement> kept = new LinkedHashMap<>(SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= SIZE) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    private StatementCache() {}

    @FunctionalInterface
    interface Use<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    /** Keeps statements for this connection from now on (until {@link #forget}). */
    static void keepFor(Connection c) {
        CACHES.put(c, new StatementCache());
    }

    /** Closes the connection's kept statements and keeps no more for it. */
    static void forget(Connection c) {
        StatementCache cache = CACHES.remove(c);
        if (cache != null) {
            cache.kept.values().forEach(StatementCache::closeQuietly);
            cache.kept.clear();
        }
    }

    /** Runs a read on the connection's kept statement for this SQL, or on a new one that is then kept. */
    static <T> T run(Connection c, String sql, Use<T> use) throws SQLException {
        StatementCache cache = CACHES.get(c);
        if (cache == null) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                return use.run(ps);
            }
        }
        PreparedStatement ps = cache.kept.remove(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql);
        }
        T result;
        try {
            result = use.run(ps);
            ps.clearParameters();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(ps);
            throw e;
        }
        PreparedStatement replaced = cache.kept.put(sql, ps);
        if (replaced != null && replaced != ps) {
            closeQuietly(replaced);
        }
        return result;
    }

    /** How many statements the connection keeps (for tests). */
    static int size(Connection c) {
        StatementCache cache = CACHES.get(c);
        return cache == null ? 0 : cache.kept.size();
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // a statement that cannot close is dropped: its connection closes it at the latest
        }
    }
}
