package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.InsightCounts;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The insights migration fills what a store written before it already knows: a link opened before counts as opened
 * when it was last opened, its demo as shared, and each chat turn is its conversation's tenant's and starter's.
 */
class SqliteInsightsMigrationTest {

    @TempDir
    Path dir;

    private static final List<String> BEFORE = List.of(
            "V1__init.sql",
            "V2__chat.sql",
            "V3__custom.sql",
            "V4__demo_management.sql",
            "V5__lifecycle.sql",
            "V6__demo_changes.sql",
            "V7__quick_durations.sql",
            "V8__abandoned_jobs.sql",
            "V9__task_trace.sql");

    private static String script(String name) throws Exception {
        try (InputStream in = SqliteInsightsMigrationTest.class.getResourceAsStream("/db/sqlite/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
        }
    }

    @Test
    void linksOpenedAndTurnsAskedBeforeTheMigrationAreCounted() throws Exception {
        Path file = dir.resolve("platform.db");
        long march = Instant.parse("2026-03-10T00:00:00Z").toEpochMilli();
        long april = Instant.parse("2026-04-10T00:00:00Z").toEpochMilli();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            SqliteFunctions.register(c);
            for (String name : BEFORE) {
                // as SqliteDatabase runs them: statements end with a semicolon at the end of a line
                for (String sql : script(name).split("(?m);[ \\t]*$")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
            }
            st.execute("PRAGMA user_version = " + BEFORE.size());
            st.execute("INSERT INTO demos(demo_id, tenant_id, created_by, template_id, status, created_at, updated_at)"
                    + " VALUES ('demo_a', 'acme', 'ann@acme.example', 'shopify', 'ready', " + march + ", " + march
                    + ")");
            st.execute(
                    "INSERT INTO demo_shares(token_hash, encrypted_token, demo_id, tenant_id, created_by, created_at,"
                            + " expires_at, access_count, last_accessed) VALUES ('h1', x'01', 'demo_a', 'acme',"
                            + " 'ann@acme.example', " + march + ", " + april * 2 + ", 3, " + april + ")");
            st.execute("INSERT INTO conversations VALUES ('conv_1', 'acme', 'demo_a', 'ann@acme.example', " + april
                    + ", " + april + ")");
            st.execute("INSERT INTO conversation_turns(conversation_id, seq, question, answer, outcome, created_at)"
                    + " VALUES ('conv_1', 1, 'q', 'a', 'declined', " + april + ")");
        }
        SqliteInsightsStore insights = new SqliteInsightsStore(new SqliteDatabase(file));
        List<String> ann = List.of("ann@acme.example");
        assertThat(insights.count(
                                "acme",
                                Instant.parse("2026-03-01T00:00:00Z"),
                                Instant.parse("2026-04-01T00:00:00Z"),
                                ann)
                        .get("ann@acme.example"))
                .isEqualTo(new InsightCounts(1, 0, 0, 1, 1, 0, 0, 0));
        assertThat(insights.count(
                                "acme",
                                Instant.parse("2026-04-01T00:00:00Z"),
                                Instant.parse("2026-05-01T00:00:00Z"),
                                ann)
                        .get("ann@acme.example"))
                .isEqualTo(new InsightCounts(0, 0, 0, 0, 0, 1, 1, 1));
    }
}
