package com.capidemo.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers shared by the SQLite adapters. */
final class Sql {
    private Sql() {}

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (v instanceof Instant t) {
                ps.setLong(i + 1, t.toEpochMilli());
            } else if (v instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else if (v instanceof byte[] bytes) {
                ps.setBytes(i + 1, bytes);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** The first row of a query, mapped; empty when there is none (on a kept statement: {@link StatementCache}). */
    static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... values) throws SQLException {
        return StatementCache.run(c, sql, ps -> {
            bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
            }
        });
    }

    /** Every row of a query, mapped. */
    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... values) throws SQLException {
        return StatementCache.run(c, sql, ps -> {
            bind(ps, values);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        });
    }

    static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            return ps.executeUpdate();
        }
    }
}
