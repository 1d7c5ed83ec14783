package com.capidemo.gcp;

import static com.capidemo.gcp.FirestoreValues.await;
import static com.capidemo.gcp.FirestoreValues.instant;
import static com.capidemo.gcp.FirestoreValues.ts;

import com.capidemo.core.domain.LifecycleRun;
import com.capidemo.core.port.LifecycleRunStore;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.SetOptions;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle runs in Firestore ({@code lifecycle_runs/{run_id}}); a running run carries a {@code deadline} field, removed
 * when it gets its outcome or is marked abandoned.
 */
public class FirestoreLifecycleRunStore implements LifecycleRunStore {

    static final String COLLECTION = "lifecycle_runs";
    /** Until when a running run may still finish; only running runs have it. */
    static final String DEADLINE = "deadline";

    private static final Set<String> UNFINISHED = Set.of(LifecycleRun.RUNNING, LifecycleRun.ABANDONED);

    private final Firestore db;

    public FirestoreLifecycleRunStore(Firestore db) {
        this.db = db;
    }

    @Override
    public void started(LifecycleRun r, Instant deadline) {
        Map<String, Object> m = fields(r);
        m.put("outcome", LifecycleRun.RUNNING);
        m.put("finished_at", null);
        m.put("duration_ms", 0L);
        m.put("error", null);
        m.put(DEADLINE, ts(deadline));
        await(db.collection(COLLECTION).document(r.runId()).create(m));
    }

    @Override
    public void record(LifecycleRun r) {
        DocumentReference ref = db.collection(COLLECTION).document(r.runId());
        await(db.runTransaction(tx -> {
            DocumentSnapshot existing = tx.get(ref).get();
            if (existing.exists() && !UNFINISHED.contains(existing.getString("outcome"))) {
                return null; // already has its outcome: recorded once
            }
            Map<String, Object> m = fields(r);
            m.put(DEADLINE, FieldValue.delete());
            tx.set(ref, m, SetOptions.merge());
            return null;
        }));
    }

    @Override
    public int abandonOverdue(Instant now, String error) {
        // Only running runs carry a deadline, so a single-field range (no composite index) finds them.
        List<QueryDocumentSnapshot> overdue = await(db.collection(COLLECTION)
                        .whereLessThanOrEqualTo(DEADLINE, ts(now))
                        .get())
                .getDocuments();
        int marked = 0;
        for (QueryDocumentSnapshot doc : overdue) {
            boolean changed = await(db.runTransaction(tx -> {
                DocumentSnapshot current = tx.get(doc.getReference()).get();
                if (!LifecycleRun.RUNNING.equals(current.getString("outcome"))) {
                    return false;
                }
                Map<String, Object> update = new HashMap<>();
                update.put("outcome", LifecycleRun.ABANDONED);
                update.put("error", error);
                update.put(DEADLINE, FieldValue.delete());
                tx.update(doc.getReference(), update);
                return true;
            }));
            marked += changed ? 1 : 0;
        }
        return marked;
    }

    private static Map<String, Object> fields(LifecycleRun r) {
        Map<String, Object> m = new HashMap<>();
        m.put("run_id", r.runId());
        m.put("kind", r.kind());
        m.put("trigger", r.trigger());
        m.put("started_at", ts(r.startedAt()));
        m.put("finished_at", ts(r.finishedAt()));
        m.put("duration_ms", r.durationMs());
        m.put("outcome", r.outcome());
        m.put("counts", r.counts());
        m.put("error", r.error());
        return m;
    }

    @Override
    public List<LifecycleRun> recent(int limit) {
        return await(db.collection(COLLECTION)
                        .orderBy("started_at", Query.Direction.DESCENDING)
                        .limit(limit)
                        .get())
                .getDocuments()
                .stream()
                .map(FirestoreLifecycleRunStore::map)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static LifecycleRun map(DocumentSnapshot d) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Object> stored = (Map<String, Object>) d.get("counts");
        if (stored != null) {
            stored.forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
        }
        Number duration = (Number) d.get("duration_ms");
        return new LifecycleRun(
                d.getString("run_id"),
                d.getString("kind"),
                d.getString("trigger"),
                instant(d, "started_at"),
                instant(d, "finished_at"),
                duration == null ? 0 : duration.longValue(),
                d.getString("outcome"),
                counts,
                d.getString("error"));
    }
}
