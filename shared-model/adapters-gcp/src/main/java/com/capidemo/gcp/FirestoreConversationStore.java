package com.capidemo.gcp;

import static com.capidemo.gcp.FirestoreValues.await;
import static com.capidemo.gcp.FirestoreValues.instant;
import static com.capidemo.gcp.FirestoreValues.ts;

import com.capidemo.core.domain.Conversation;
import com.capidemo.core.domain.ConversationTurn;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.ConversationStore;
import com.fasterxml.jackson.core.type.TypeReference;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.TransactionOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations in Firestore ({@code conversations/{conversation_id}}), turns in the subcollection
 * {@code conversations/{id}/turns/{turn, zero-padded}} so they sort by id and go with their conversation.
 * {@code rows} and {@code chart} are stored as JSON strings: Firestore cannot hold an array inside an array.
 */
public class FirestoreConversationStore implements ConversationStore {

    static final String COLLECTION = "conversations";
    private static final TypeReference<List<List<Object>>> ROWS = new TypeReference<>() {};
    /** Appends to one conversation all conflict on its document; the default 5 attempts can run out. */
    private static final TransactionOptions CONTENDED = TransactionOptions.createReadWriteOptionsBuilder()
            .setNumberOfAttempts(25)
            .build();

    private final Firestore db;
    private final Clock clock;

    public FirestoreConversationStore(Firestore db, Clock clock) {
        this.clock = clock;
        this.db = db;
    }

    private DocumentReference ref(String conversationId) {
        return db.collection(COLLECTION).document(conversationId);
    }

    private CollectionReference turnsOf(String conversationId) {
        return ref(conversationId).collection("turns");
    }

    /** Firestore keeps microseconds; truncating keeps what we return equal to what we read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Conversation create(String tenantId, String demoId, String createdBy) {
        Instant now = now();
        Conversation c = new Conversation("conv_" + Ids.randomHex(10), tenantId, demoId, createdBy, now, now);
        Map<String, Object> d = new HashMap<>();
        d.put("conversation_id", c.conversationId());
        d.put("tenant_id", tenantId);
        d.put("demo_id", demoId);
        d.put("created_by", createdBy);
        d.put("created_at", ts(now));
        d.put("updated_at", ts(now));
        d.put("last_turn", 0);
        await(ref(c.conversationId()).create(d));
        return c;
    }

    @Override
    public Optional<Conversation> find(String conversationId) {
        DocumentSnapshot d = await(ref(conversationId).get());
        return d.exists()
                ? Optional.of(new Conversation(
                        d.getString("conversation_id"),
                        d.getString("tenant_id"),
                        d.getString("demo_id"),
                        d.getString("created_by"),
                        instant(d, "created_at"),
                        instant(d, "updated_at")))
                : Optional.empty();
    }

    @Override
    public List<ConversationTurn> turns(String conversationId, int limit) {
        List<ConversationTurn> out =
                new ArrayList<>(await(turnsOf(conversationId)
                                .orderBy("turn", Query.Direction.DESCENDING)
                                .limit(limit)
                                .get())
                        .getDocuments()
                        .stream()
                        .map(FirestoreConversationStore::map)
                        .toList());
        Collections.reverse(out);
        return out;
    }

    /**
     * The conversation document holds the last turn number: reading and bumping it in one transaction serialises
     * appends (a concurrent one conflicts on that document and is retried with the new number).
     */
    @Override
    public ConversationTurn append(ConversationTurn t) {
        return await(db.runTransaction(
                tx -> {
                    DocumentSnapshot conv = tx.get(ref(t.conversationId())).get();
                    if (!conv.exists()) {
                        throw new IllegalArgumentException("no conversation " + t.conversationId());
                    }
                    Long last = conv.getLong("last_turn");
                    int turn = (last == null ? 0 : last.intValue()) + 1;
                    Instant now = now();
                    // never backwards, even if this instance's clock is behind the last writer's
                    Instant previous = instant(conv, "updated_at");
                    Instant updated =
                            previous != null && !now.isAfter(previous) ? previous.plus(1, ChronoUnit.MICROS) : now;
                    tx.create(
                            turnsOf(t.conversationId()).document(String.format("%08d", turn)),
                            document(t, turn, now, conv.getString("tenant_id"), conv.getString("created_by")));
                    tx.update(ref(t.conversationId()), Map.of("last_turn", turn, "updated_at", ts(updated)));
                    return new ConversationTurn(
                            t.conversationId(),
                            turn,
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
                },
                CONTENDED));
    }

    /** A turn, with its tenant and asker so the insights count them by a collection-group query on "turns". */
    private static Map<String, Object> document(
            ConversationTurn t, int turn, Instant now, String tenantId, String askedBy) {
        Map<String, Object> d = new HashMap<>();
        d.put("conversation_id", t.conversationId());
        d.put("turn", turn);
        d.put("question", t.question());
        d.put("answer", t.answer());
        d.put("sql", t.sql());
        d.put("columns", t.columns());
        d.put("rows", Json.write(t.rows()));
        d.put("truncated", t.truncated());
        d.put("chart", t.chart() == null ? null : Json.write(t.chart()));
        d.put("follow_up_questions", t.followUpQuestions());
        d.put("outcome", t.outcome());
        d.put("state", t.state());
        d.put("created_at", ts(now));
        d.put("tenant_id", tenantId);
        d.put("asked_by", askedBy);
        return d;
    }

    @SuppressWarnings("unchecked")
    private static ConversationTurn map(DocumentSnapshot d) {
        String rows = d.getString("rows");
        Long turn = d.getLong("turn");
        return new ConversationTurn(
                d.getString("conversation_id"),
                turn == null ? 0 : turn.intValue(),
                d.getString("question"),
                d.getString("answer"),
                d.getString("sql"),
                (List<String>) d.get("columns"),
                rows == null ? List.of() : Json.read(rows, ROWS),
                Boolean.TRUE.equals(d.getBoolean("truncated")),
                Json.map(d.getString("chart")),
                (List<String>) d.get("follow_up_questions"),
                d.getString("outcome"),
                d.getString("state"),
                instant(d, "created_at"));
    }
}
