package com.capidemo.gcp;

import static com.capidemo.gcp.FirestoreValues.await;
import static com.capidemo.gcp.FirestoreValues.instant;
import static com.capidemo.gcp.FirestoreValues.ts;

import com.capidemo.core.domain.LifecycleRun;
import com.capidemo.core.port.LifecycleRunStore;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lifecycle runs in Firestore ({@code lifecycle_runs/{run_id}}). */
public class FirestoreLifecycleRunStore implements LifecycleRunStore {

    static final String COLLECTION = "lifecycle_runs";

    private final Firestore db;

    public FirestoreLifecycleRunStore(Firestore db) {
        this.db = db;
    }

    @Override
    public void record(LifecycleRun r) {
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
        await(db.collection(COLLECTION).document(r.runId()).set(m));
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
