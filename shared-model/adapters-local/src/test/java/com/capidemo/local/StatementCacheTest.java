package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read connections keep their prepared statements without ever answering from an old snapshot. */
class StatementCacheTest {

    private static final String VERSION = "SELECT version FROM demo_changes WHERE tenant_id = ?";

    @TempDir
    Path dir;

    private SqliteDatabase db;

    @BeforeEach
    void open() {
        db = new SqliteDatabase(dir.resolve("platform.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void bump(String tenant) {
        db.write(c -> Sql.update(
                c,
                "INSERT INTO demo_changes(tenant_id, version) VALUES (?, 1) "
                        + "ON CONFLICT(tenant_id) DO UPDATE SET version = version + 1",
                tenant));
    }

    private List<String> tenants(String sql) {
        return db.read(c -> Sql.list(c, sql, rs -> rs.getString(1)));
    }

    private Optional<String> firstTenant(String sql) {
        return db.read(c -> Sql.one(c, sql, rs -> rs.getString(1)));
    }

    private Optional<Long> version(String tenant) {
        return db.read(c -> Sql.one(c, VERSION, rs -> rs.getLong(1), tenant));
    }

    @Test
    void aKeptStatementSeesEveryLaterWrite() {
        // more reads than there are pooled connections, so every connection reads with a kept statement
        for (int i = 1; i <= 20; i++) {
            bump("acme");
            assertThat(version("acme")).contains((long) i);
        }
        assertThat(version("globex")).isEmpty();
        int kept = db.read(StatementCache::size);
        assertThat(kept).isEqualTo(1);
    }

    @Test
    void aListReadToItsEndOrStoppedEarlyLeavesNoReadOpen() {
        bump("a");
        bump("b");
        bump("c");
        String all = "SELECT tenant_id FROM demo_changes ORDER BY tenant_id";
        assertThat(tenants(all)).containsExactly("a", "b", "c");
        // one() reads only the first of several rows: its statement is reset all the same
        for (int i = 0; i < 8; i++) {
            assertThat(firstTenant(all)).contains("a");
        }
        bump("0");
        for (int i = 0; i < 8; i++) {
            assertThat(firstTenant(all)).contains("0");
            assertThat(tenants(all)).hasSize(4);
        }
    }

    @Test
    void aKeptStatementStoppedAfterOneRowHoldsNoSnapshotForTheConnectionsNextRead() {
        bump("a");
        bump("b");
        String all = "SELECT tenant_id FROM demo_changes ORDER BY tenant_id";
        Optional<Long> seen = db.read(c -> {
            // one() stops after the first of two rows; the kept statement must not keep the read it started open
            assertThat(Sql.one(c, all, rs -> rs.getString(1))).contains("a");
            bump("a");
            return Sql.one(c, VERSION, rs -> rs.getLong(1), "a");
        });
        assertThat(seen).contains(2L);
    }

    @Test
    void theSameQueryInsideItselfGetsItsOwnStatement() {
        bump("a");
        bump("b");
        String all = "SELECT tenant_id FROM demo_changes ORDER BY tenant_id";
        List<String> pairs = db.read(c ->
                Sql.<String>list(c, all, rs -> rs.getString(1) + ":" + Sql.list(c, all, inner -> inner.getString(1))));
        assertThat(pairs).containsExactly("a:[a, b]", "b:[a, b]");
        assertThat(tenants(all)).containsExactly("a", "b");
    }

    @Test
    void aStatementThatFailedIsNotKept() {
        bump("a");
        assertThatThrownBy(() -> db.read(c -> Sql.one(
                        c,
                        VERSION,
                        rs -> {
                            throw new IllegalStateException("mapping failed");
                        },
                        "a")))
                .hasMessage("mapping failed");
        for (int i = 0; i < 8; i++) {
            assertThat(version("a")).contains(1L);
        }
    }

    @Test
    void aConnectionKeepsABoundedNumberOfStatements() {
        db.read(c -> {
            for (int i = 0; i < StatementCache.SIZE + 10; i++) {
                assertThat(Sql.one(c, "SELECT " + i, rs -> rs.getInt(1))).contains(i);
            }
            assertThat(StatementCache.size(c)).isEqualTo(StatementCache.SIZE);
            return null;
        });
    }

    @Test
    void theWriterKeepsNone() {
        db.write(c -> {
            assertThat(Sql.one(c, "SELECT 1", rs -> rs.getInt(1))).contains(1);
            assertThat(StatementCache.size(c)).isZero();
            return null;
        });
    }
}
