package com.capidemo.shared.adapter.gcp;

import static com.capidemo.shared.adapter.gcp.FirestoreValues.await;
import static com.capidemo.shared.adapter.gcp.FirestoreValues.instant;
import static com.capidemo.shared.adapter.gcp.FirestoreValues.ts;

import com.capidemo.shared.domain.Demo;
import com.capidemo.shared.domain.DemoStatus;
import com.capidemo.shared.domain.GoldenQuery;
import com.capidemo.shared.domain.Readiness;
import com.capidemo.shared.port.DemoStore;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Demos in Firestore ({@code demos/{demo_id}}); status changes are transactions guarded by the current status. */
public class FirestoreDemoStore implements DemoStore {

    static final String COLLECTION = "demos";

    private final Firestore db;

    public FirestoreDemoStore(Firestore db) {
        this.db = db;
    }

    private DocumentReference ref(String demoId) {
        return db.collection(COLLECTION).document(demoId);
    }

    @Override
    public boolean create(Demo demo) {
        return await(db.runTransaction(tx -> {
            if (tx.get(ref(demo.demoId())).get().exists()) {
                return false;
            }
            tx.create(ref(demo.demoId()), document(demo));
            return true;
        }));
    }

    @Override
    public Optional<Demo> find(String demoId) {
        DocumentSnapshot doc = await(ref(demoId).get());
        return doc.exists() ? Optional.of(map(doc)) : Optional.empty();
    }

    @Override
    public List<Demo> listByTenant(String tenantId, int limit) {
        return await(db.collection(COLLECTION).whereEqualTo("tenant_id", tenantId)
                .orderBy("created_at", Query.Direction.DESCENDING).limit(limit).get())
                .getDocuments().stream().map(FirestoreDemoStore::map).toList();
    }

    @Override
    public List<String> listReadyUnscored(int limit) {
        return await(db.collection(COLLECTION).whereEqualTo("status", DemoStatus.READY.wire())
                .whereEqualTo("readiness", null).limit(limit).get())
                .getDocuments().stream().map(d -> d.getString("demo_id")).toList();
    }

    @Override
    public boolean markReady(String demoId, String datasetId, String agentId, List<GoldenQuery> goldenQueries,
                             Map<String, Object> metadata) {
        Map<String, Object> update = new HashMap<>();
        update.put("status", DemoStatus.READY.wire());
        update.put("dataset_id", datasetId);
        update.put("agent_id", agentId);
        update.put("golden_queries", goldenQueries.stream().map(FirestoreDemoStore::golden).toList());
        update.put("metadata", metadata);
        update.put("error", null);
        return updateIf(demoId, Set.of(DemoStatus.PROVISIONING, DemoStatus.FAILED, DemoStatus.READY), update);
    }

    @Override
    public boolean markFailed(String demoId, String reason) {
        Map<String, Object> update = new HashMap<>();
        update.put("status", DemoStatus.FAILED.wire());
        update.put("error", reason);
        return updateIf(demoId, Set.of(DemoStatus.PROVISIONING), update);
    }

    @Override
    public boolean recordReadiness(String demoId, Readiness r) {
        if (r == null) {
            Map<String, Object> clear = new HashMap<>();
            clear.put("readiness", null);
            return updateIf(demoId, Set.of(DemoStatus.values()), clear);
        }
        Map<String, Object> readiness = new LinkedHashMap<>();
        readiness.put("score", r.score());
        readiness.put("passed", r.passed());
        readiness.put("total", r.total());
        readiness.put("failed", r.failed());
        readiness.put("checked_at", ts(r.checkedAt()));
        Map<String, Object> update = new HashMap<>();
        update.put("readiness", r == null ? null : readiness);
        return updateIf(demoId, Set.of(DemoStatus.values()), update);
    }

    @Override
    public boolean touch(String demoId, Instant when) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(demoId)).get();
            if (!doc.exists()) {
                return false;
            }
            Instant last = instant(doc, "last_used");
            if (last != null && !last.isBefore(when)) {
                return false;
            }
            tx.update(ref(demoId), "last_used", ts(when));
            return true;
        }));
    }

    private boolean updateIf(String demoId, Set<DemoStatus> from, Map<String, Object> update) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(demoId)).get();
            if (!doc.exists() || !from.contains(DemoStatus.fromWire(doc.getString("status")))) {
                return false;
            }
            Map<String, Object> withTime = new HashMap<>(update);
            withTime.put("updated_at", ts(Instant.now()));
            tx.update(ref(demoId), withTime);
            return true;
        }));
    }

    private static Map<String, Object> golden(GoldenQuery g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("question", g.question());
        m.put("sql", g.sql());
        m.put("complexity", g.complexity());
        m.put("expected_result_type", g.expectedResultType());
        return m;
    }

    static Map<String, Object> document(Demo d) {
        Map<String, Object> m = new HashMap<>();
        m.put("demo_id", d.demoId());
        m.put("tenant_id", d.tenantId());
        m.put("created_by", d.createdBy());
        m.put("customer_name", d.customerName());
        m.put("industry", d.industry());
        m.put("template_id", d.templateId());
        m.put("dataset_id", d.datasetId());
        m.put("agent_id", d.agentId());
        m.put("status", d.status().wire());
        m.put("created_at", ts(d.createdAt()));
        m.put("last_used", ts(d.lastUsed()));
        m.put("archived_at", ts(d.archivedAt()));
        m.put("is_pinned", d.isPinned());
        m.put("golden_queries", d.goldenQueries().stream().map(FirestoreDemoStore::golden).toList());
        m.put("metadata", d.metadata());
        m.put("readiness", null); // explicit, so "ready and never scored" is a query
        m.put("updated_at", ts(d.createdAt()));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Demo map(DocumentSnapshot doc) {
        List<GoldenQuery> golden = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) doc.get("golden_queries") == null
                ? List.<Map<String, Object>>of() : (List<Map<String, Object>>) doc.get("golden_queries")) {
            golden.add(new GoldenQuery((String) g.get("question"), (String) g.get("sql"), (String) g.get("complexity"),
                    (String) g.get("expected_result_type")));
        }
        Map<String, Object> r = (Map<String, Object>) doc.get("readiness");
        Readiness readiness = r == null ? null : new Readiness(((Number) r.get("score")).doubleValue(),
                ((Number) r.get("passed")).intValue(), ((Number) r.get("total")).intValue(),
                (List<String>) r.get("failed"), instant(r.get("checked_at")));
        Map<String, Object> metadata = (Map<String, Object>) doc.get("metadata");
        return new Demo(doc.getString("demo_id"), doc.getString("tenant_id"), doc.getString("created_by"),
                doc.getString("customer_name"), doc.getString("industry"), doc.getString("template_id"),
                doc.getString("dataset_id"), doc.getString("agent_id"), DemoStatus.fromWire(doc.getString("status")),
                instant(doc, "created_at"), instant(doc, "last_used"), instant(doc, "archived_at"),
                Boolean.TRUE.equals(doc.getBoolean("is_pinned")), golden, metadata == null ? Map.of() : metadata,
                readiness);
    }
}
