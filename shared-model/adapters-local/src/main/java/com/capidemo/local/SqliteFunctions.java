package com.capidemo.local;

import com.capidemo.core.domain.DemoSearch;
import com.capidemo.core.domain.Ids;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * SQL functions the store's migrations and queries use, computed by the same Java code the stores use when they
 * write, so a value backfilled by a migration equals one written later: {@code sha256(text)} (hex) and
 * {@code demo_search_text(name)} ({@link DemoSearch#text}).
 */
final class SqliteFunctions {

    private SqliteFunctions() {}

    static void register(Connection c) throws SQLException {
        Function.create(
                c,
                "sha256",
                new Function() {
                    @Override
                    protected void xFunc() throws SQLException {
                        String v = value_text(0);
                        if (v == null) {
                            result();
                        } else {
                            result(sha256(v));
                        }
                    }
                },
                1,
                Function.FLAG_DETERMINISTIC);
        Function.create(
                c,
                "demo_search_text",
                new Function() {
                    @Override
                    protected void xFunc() throws SQLException {
                        result(DemoSearch.text(value_text(0)));
                    }
                },
                1,
                Function.FLAG_DETERMINISTIC);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes. */
    static String sha256(String text) {
        return Ids.sha256(text);
    }
}
