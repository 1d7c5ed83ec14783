package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Conversation;
import com.capidemo.core.domain.ConversationTurn;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Readiness;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversations, readiness and last_used in SQLite, and the V2 migration over an existing V1 store. */
class SqliteChatStoreTest {

    @TempDir
    Path dir;

    private static ConversationTurn turn(String conversationId, String question) {
        return new ConversationTurn(
                conversationId,
                0,
                question,
                "answer to " + question,
                "SELECT 1",
                List.of("month", "orders"),
                List.of(List.of("2024-01-01", 197L)),
                false,
                Map.of("$schema", "https://vega.github.io/schema/vega-lite/v5.json", "mark", Map.of("type", "line")),
                List.of("And by month?"),
                "planned",
                "{\"base\":\"orders\"}",
                null);
    }

    @Test
    void turnsAreNumberedKeptInOrderAndReadBackWithTheirResults() {
        SqliteConversationStore store =
                new SqliteConversationStore(new SqliteDatabase(dir.resolve("platform.db")), Clock.systemUTC());
        Conversation c = store.create("tenant_a", "demo_1", "ce@example.com");
        assertThat(c.conversationId()).startsWith("conv_");
        Conversation found = store.find(c.conversationId()).orElseThrow();
        assertThat(found.tenantId()).isEqualTo("tenant_a");
        assertThat(found.demoId()).isEqualTo("demo_1");
        assertThat(found.createdBy()).isEqualTo("ce@example.com");
        assertThat(store.find("conv_missing")).isEmpty();

        ConversationTurn first = store.append(turn(c.conversationId(), "How many orders?"));
        ConversationTurn second = store.append(turn(c.conversationId(), "and by month?"));
        assertThat(first.turn()).isEqualTo(1);
        assertThat(second.turn()).isEqualTo(2);

        List<ConversationTurn> turns = store.turns(c.conversationId(), 10);
        assertThat(turns).extracting(ConversationTurn::question).containsExactly("How many orders?", "and by month?");
        ConversationTurn read = turns.get(0);
        assertThat(read.columns()).containsExactly("month", "orders");
        assertThat(read.rows()).hasSize(1);
        assertThat(read.rows().get(0).get(0)).isEqualTo("2024-01-01");
        assertThat(((Number) read.rows().get(0).get(1)).longValue()).isEqualTo(197L);
        assertThat(read.chart()).containsEntry("$schema", "https://vega.github.io/schema/vega-lite/v5.json");
        assertThat(read.followUpQuestions()).containsExactly("And by month?");
        assertThat(read.state()).isEqualTo("{\"base\":\"orders\"}");
        assertThat(read.createdAt()).isNotNull();
        assertThat(store.turns(c.conversationId(), 1))
                .extracting(ConversationTurn::turn)
                .containsExactly(2);
        assertThat(store.find(c.conversationId()).orElseThrow().updatedAt()).isAfterOrEqualTo(c.updatedAt());
    }

    @Test
    void concurrentAppendsGetDistinctNumbers() throws Exception {
        SqliteConversationStore store =
                new SqliteConversationStore(new SqliteDatabase(dir.resolve("platform.db")), Clock.systemUTC());
        Conversation c = store.create("tenant_a", "demo_1", null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<ConversationTurn>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            futures.add(pool.submit(() -> store.append(turn(c.conversationId(), "q" + n))));
        }
        List<Integer> numbers = new ArrayList<>();
        for (Future<ConversationTurn> f : futures) {
            numbers.add(f.get().turn());
        }
        pool.shutdown();
        assertThat(numbers).doesNotHaveDuplicates().hasSize(20);
        assertThat(store.turns(c.conversationId(), 100))
                .extracting(ConversationTurn::turn)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void readinessAndLastUsedAreRecordedOnTheDemo() {
        SqliteDatabase db = new SqliteDatabase(dir.resolve("platform.db"));
        SqliteDemoStore demos = new SqliteDemoStore(db, Clock.systemUTC());
        String demoId = StoreFixtures.queuedJob(db, "tenant_a").demoId();
        Demo before = demos.find(demoId).orElseThrow();
        assertThat(before.readiness()).isNull();

        Readiness r = new Readiness(
                95.5, 21, 22, List.of("Which 10 cities?"), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        assertThat(demos.recordReadiness(demoId, r)).isTrue();
        assertThat(demos.find(demoId).orElseThrow().readiness()).isEqualTo(r);
        assertThat(demos.recordReadiness("demo_missing", r)).isFalse();

        Instant later = before.lastUsed().plusSeconds(60);
        assertThat(demos.touch(demoId, later)).isTrue();
        assertThat(demos.find(demoId).orElseThrow().lastUsed()).isEqualTo(later);
        assertThat(demos.touch(demoId, before.lastUsed()))
                .as("last_used never moves back")
                .isFalse();
        assertThat(demos.find(demoId).orElseThrow().lastUsed()).isEqualTo(later);
    }

    @Test
    void theChatMigrationUpgradesAnExistingStoreAndKeepsItsDemos() throws Exception {
        Path file = dir.resolve("platform.db");
        String v1 = new String(SqliteDatabase.class
                .getResourceAsStream("/db/sqlite/V1__init.sql")
                .readAllBytes());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            for (String sql : v1.replaceAll("(?m)--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version = 1");
            st.execute("INSERT INTO demos(demo_id, tenant_id, status, created_at, updated_at) "
                    + "VALUES ('demo_old', 'tenant_a', 'ready', 1, 1)");
        }
        SqliteDatabase db = new SqliteDatabase(file);
        assertThat(new SqliteDemoStore(db, Clock.systemUTC())
                        .find("demo_old")
                        .orElseThrow()
                        .readiness())
                .isNull();
        int version = db.read(c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(version).isGreaterThanOrEqualTo(2);
        new SqliteConversationStore(db, Clock.systemUTC()).create("tenant_a", "demo_old", null);
    }
}
