package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V4 moves a store written before it (golden queries copied into every demo) to the referenced layout. */
class SqliteMigrationTest {

    @TempDir
    Path dir;

    private static final List<GoldenQuery> GOLDEN = List.of(
            new GoldenQuery("How many orders?", "SELECT count(*) FROM orders", "simple", "single_value"),
            new GoldenQuery("Revenue by month?", "SELECT 1", "medium", "time_series"));

    private static String script(String name) throws IOException {
        try (InputStream in = SqliteMigrationTest.class.getResourceAsStream("/db/sqlite/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
        }
    }

    /** A store at V3, as the platform left it before this migration, with two demos of one template. */
    private Path storeAtV3() throws Exception {
        Path file = dir.resolve("platform.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            for (String name : List.of("V1__init.sql", "V2__chat.sql", "V3__custom.sql")) {
                for (String sql : script(name).split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
            }
            st.execute("PRAGMA user_version = 3");
            String golden = Json.write(GOLDEN).replace("'", "''");
            String meta =
                    Json.write(Map.of("table_count", 15, "total_rows", 145000)).replace("'", "''");
            for (String id : List.of("demo_old1", "demo_old2")) {
                st.execute("INSERT INTO demos(demo_id, tenant_id, created_by, customer_name, industry, template_id, "
                        + "dataset_id, agent_id, status, created_at, last_used, is_pinned, golden_queries, metadata, "
                        + "updated_at, readiness) VALUES ('" + id
                        + "', 'acme', 'ce@acme.example', 'Acme Retail, Inc.', "
                        + "'Retail', 'shopify', '" + id + "', 'agent_" + id + "', 'ready', 1000, 1000, 0, '" + golden
                        + "', '" + meta + "', 1000, '{\"score\":95.5,\"passed\":21,\"total\":22,\"failed\":[],"
                        + "\"checked_at\":\"2026-01-01T00:00:00Z\"}')");
                st.execute("INSERT INTO data_agents VALUES ('agent_" + id + "', '" + id + "', 'acme', '" + id
                        + "', '[\"orders\"]', 'be helpful', '" + golden + "', 1000)");
            }
            st.execute("INSERT INTO tenants VALUES ('acme', 'acme', 1000)");
            st.execute("INSERT INTO api_keys(key_hash, tenant_id, user_email, role, encrypted_key, created_at) "
                    + "VALUES ('abc', 'acme', 'ce@acme.example', 'admin', x'01', 1000)");
            st.execute(
                    "INSERT INTO jobs(job_id, demo_id, tenant_id, type, status, payload, created_at, updated_at) "
                            + "VALUES ('job_1', 'demo_old1', 'acme', 'quick', 'completed', '{\"requested_by\":\"ce@acme.example\"}', 1000, 1000)");
        }
        return file;
    }

    @Test
    void goldenQueriesCopiedIntoDemosBecomeOneReferencedSetAndEveryDemoStillReadsThem() throws Exception {
        SqliteDatabase db = new SqliteDatabase(storeAtV3());
        SqliteDemoStore demos = new SqliteDemoStore(db, Clock.systemUTC());

        Demo demo = demos.find("demo_old1").orElseThrow();
        assertThat(demo.goldenQueries()).containsExactlyElementsOf(GOLDEN);
        assertThat(demos.find("demo_old2").orElseThrow().goldenQueries()).containsExactlyElementsOf(GOLDEN);
        assertThat(new LocalDataAgents(db, Clock.systemUTC())
                        .find("agent_demo_old1")
                        .orElseThrow()
                        .goldenQueries())
                .containsExactlyElementsOf(GOLDEN);
        assertThat(scalar(db, "SELECT count(*) FROM golden_query_sets")).isEqualTo("1");
        assertThat(scalar(db, "SELECT count(*) FROM pragma_table_info('demos') WHERE name = 'golden_queries'"))
                .as("the copies are gone")
                .isEqualTo("0");
    }

    @Test
    void listColumnsKeyIdsAndJobOwnersAreBackfilled() throws Exception {
        SqliteDatabase db = new SqliteDatabase(storeAtV3());
        assertThat(scalar(
                        db,
                        "SELECT table_count || '/' || total_rows || '/' || readiness_score || '/'"
                                + " || search_text FROM demos WHERE demo_id = 'demo_old1'"))
                .isEqualTo("15/145000/95.5/ acme retail inc");
        assertThat(scalar(db, "SELECT key_id FROM api_keys")).matches("key_[0-9a-f]{16}");
        assertThat(scalar(db, "SELECT created_by FROM jobs")).isEqualTo("ce@acme.example");
    }

    /** The first column of the first row, as text. */
    static String scalar(SqliteDatabase db, String sql) {
        SqliteDatabase.Work<String> work =
                c -> Sql.one(c, sql, rs -> rs.getString(1)).orElse(null);
        return db.read(work);
    }
}
