package com.capidemo.local;

import com.capidemo.core.domain.Conversation;
import com.capidemo.core.domain.ConversationTurn;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.ConversationStore;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversations and their turns in SQLite; a turn's result and chart are stored as JSON. */
@Typed(SqliteConversationStore.class)
@ApplicationScoped
public class SqliteConversationStore implements ConversationStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final SqliteDatabase db;
    private final Clock clock;

    @Inject
    public SqliteConversationStore(SqliteDatabase db, Clock clock) {
        this.clock = clock;
        this.db = db;
    }

    @Override
    public Conversation create(String tenantId, String demoId, String createdBy) {
        Instant now = clock.instant();
        Conversation c = new Conversation("conv_" + Ids.randomHex(10), tenantId, demoId, createdBy, now, now);
        db.write(x -> Sql.update(x, """
                INSERT INTO conversations(conversation_id, tenant_id, demo_id, created_by, created_at, updated_at)
                VALUES (?,?,?,?,?,?)""", c.conversationId(), tenantId, demoId, createdBy, now, now));
        return c;
    }

    @Override
    public Optional<Conversation> find(String conversationId) {
        return db.read(c -> Sql.one(
                c,
                "SELECT * FROM conversations WHERE conversation_id = ?",
                rs -> new Conversation(
                        rs.getString("conversation_id"),
                        rs.getString("tenant_id"),
                        rs.getString("demo_id"),
                        rs.getString("created_by"),
                        Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "updated_at")),
                conversationId));
    }

    @Override
    public List<ConversationTurn> turns(String conversationId, int limit) {
        List<ConversationTurn> newestFirst = db.read(c -> Sql.list(
                c,
                "SELECT * FROM conversation_turns WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?",
                SqliteConversationStore::map,
                conversationId,
                limit));
        List<ConversationTurn> out = new ArrayList<>(newestFirst);
        Collections.reverse(out);
        return out;
    }

    @Override
    public ConversationTurn append(ConversationTurn t) {
        Instant now = clock.instant();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("columns", t.columns());
        result.put("rows", t.rows());
        result.put("truncated", t.truncated());
        return db.write(c -> {
            int seq = Sql.one(
                            c,
                            "SELECT coalesce(max(seq), 0) + 1 FROM conversation_turns WHERE conversation_id = ?",
                            rs -> rs.getInt(1),
                            t.conversationId())
                    .orElse(1);
            int inserted = Sql.update(
                    c,
                    """
                    INSERT INTO conversation_turns(conversation_id, seq, question, answer, sql, result, chart,
                                                   follow_up_questions, outcome, state, created_at, tenant_id,
                                                   asked_by)
                    SELECT ?,?,?,?,?,?,?,?,?,?,?, tenant_id, created_by FROM conversations
                    WHERE conversation_id = ?""",
                    t.conversationId(),
                    seq,
                    t.question(),
                    t.answer(),
                    t.sql(),
                    Json.write(result),
                    t.chart() == null ? null : Json.write(t.chart()),
                    Json.write(t.followUpQuestions()),
                    t.outcome(),
                    t.state(),
                    now,
                    t.conversationId());
            if (inserted != 1) {
                throw new IllegalArgumentException("no conversation " + t.conversationId());
            }
            Sql.update(c, "UPDATE conversations SET updated_at = ? WHERE conversation_id = ?", now, t.conversationId());
            return new ConversationTurn(
                    t.conversationId(),
                    seq,
                    t.question(),
                    t.answer(),
                    t.sql(),
                    t.columns(),
                    t.rows(),
                    t.truncated(),
                    t.chart(),
                    t.followUpQuestions(),
                    t.outcome(),
                    t.state(),
                    now);
        });
    }

    @SuppressWarnings("unchecked")
    private static ConversationTurn map(ResultSet rs) throws SQLException {
        Map<String, Object> result = rs.getString("result") == null ? Map.of() : Json.read(rs.getString("result"), MAP);
        List<String> columns = (List<String>) result.getOrDefault("columns", List.of());
        List<List<Object>> rows = (List<List<Object>>) result.getOrDefault("rows", List.of());
        boolean truncated = Boolean.TRUE.equals(result.get("truncated"));
        Map<String, Object> chart = rs.getString("chart") == null ? null : Json.read(rs.getString("chart"), MAP);
        return new ConversationTurn(
                rs.getString("conversation_id"),
                rs.getInt("seq"),
                rs.getString("question"),
                rs.getString("answer"),
                rs.getString("sql"),
                columns,
                rows,
                truncated,
                chart,
                Json.list(rs.getString("follow_up_questions"), String.class),
                rs.getString("outcome"),
                rs.getString("state"),
                Sql.instant(rs, "created_at"));
    }
}
