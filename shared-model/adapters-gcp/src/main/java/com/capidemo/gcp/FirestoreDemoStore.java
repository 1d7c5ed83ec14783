package com.capidemo.gcp;

import static com.capidemo.gcp.FirestoreValues.await;
import static com.capidemo.gcp.FirestoreValues.instant;
import static com.capidemo.gcp.FirestoreValues.ts;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoCount;
import com.capidemo.core.domain.DemoCursor;
import com.capidemo.core.domain.DemoFilter;
import com.capidemo.core.domain.DemoOrigin;
import com.capidemo.core.domain.DemoSearch;
import com.capidemo.core.domain.DemoStats;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.DemoSummary;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.Keyset;
import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.AggregateQuerySnapshot;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Demos in Firestore ({@code demos/{demo_id}}); status changes are transactions guarded by the current status. Golden
 * queries are a reference ({@code golden_set_id}) to a set stored once ({@link FirestoreGoldenQuerySets}); list
 * fields (table_count, total_rows, readiness_score, search_terms) are kept as top-level fields.
 */
public class FirestoreDemoStore implements DemoStore {

    static final String COLLECTION = "demos";
    private static final int COUNT_PAGE = 1000;

    private final Firestore db;
    private final Clock clock;

    public FirestoreDemoStore(Firestore db, Clock clock) {
        this.clock = clock;
        this.db = db;
    }

    private DocumentReference ref(String demoId) {
        return db.collection(COLLECTION).document(demoId);
    }

    @Override
    public boolean create(Demo demo) {
        String goldenSet = FirestoreGoldenQuerySets.ensureStored(db, demo.goldenQueries(), demo.createdAt());
        return await(db.runTransaction(tx -> {
            if (tx.get(ref(demo.demoId())).get().exists()) {
                return false;
            }
            Map<String, Object> doc = document(demo);
            doc.put("golden_set_id", goldenSet);
            tx.create(ref(demo.demoId()), doc);
            return true;
        }));
    }

    @Override
    public Optional<Demo> find(String demoId) {
        DocumentSnapshot doc = await(ref(demoId).get());
        return doc.exists() ? Optional.of(map(doc)) : Optional.empty();
    }

    /** The demo with its golden queries, read from the set it references (or inline, for demos stored before). */
    private Demo map(DocumentSnapshot doc) {
        String setId = doc.getString("golden_set_id");
        List<GoldenQuery> golden = setId != null
                ? FirestoreGoldenQuerySets.load(db, setId)
                : FirestoreGoldenQuerySets.parse(doc.get("golden_queries"));
        return map(doc, golden);
    }

    /** Statuses a demo keeps while it is not deleted (what a list without a status shows). */
    static final List<Object> LIVE =
            DemoStats.liveStatuses().keySet().stream().map(s -> (Object) s).toList();

    /** The list item fields, all a page reads of each document. */
    private static final String[] SUMMARY = {
        "demo_id",
        "customer_name",
        "template_id",
        "industry",
        "status",
        "is_pinned",
        "created_by",
        "created_at",
        "last_used",
        "table_count",
        "total_rows",
        "readiness_score"
    };

    /**
     * A keyset page: equality filters (status as {@code in} when not given), {@code search_terms array-contains} for
     * the text, ordered by created_at and the document id (the demo id) descending, starting after the cursor; each
     * combination has its composite index in infra/firestore.indexes.json.
     */
    @Override
    public List<DemoSummary> list(String tenantId, DemoFilter filter, Optional<DemoCursor> after, int limit) {
        Query q = db.collection(COLLECTION).whereEqualTo("tenant_id", tenantId);
        q = filter.createdBy().isPresent()
                ? q.whereEqualTo("created_by", filter.createdBy().get())
                : q;
        q = filter.status().isPresent()
                ? q.whereEqualTo("status", filter.status().get().wire())
                : q.whereIn("status", LIVE);
        q = filter.templateId().isPresent()
                ? q.whereEqualTo("template_id", filter.templateId().get())
                : q;
        q = filter.pinned().isPresent()
                ? q.whereEqualTo("is_pinned", filter.pinned().get())
                : q;
        q = filter.query().isPresent()
                ? q.whereArrayContains("search_terms", filter.query().get())
                : q;
        q = q.orderBy("created_at", Query.Direction.DESCENDING)
                .orderBy(FieldPath.documentId(), Query.Direction.DESCENDING);
        if (after.isPresent()) {
            q = q.startAfter(ts(after.get().createdAt()), after.get().demoId());
        }
        return await(q.select(SUMMARY).limit(limit).get()).getDocuments().stream()
                .map(FirestoreDemoStore::summary)
                .toList();
    }

    /**
     * Not kept in Firestore: a per-tenant counter document bumped by every demo write would cap a tenant's demo writes
     * at about one a second (Firestore's sustained write rate per document), so every list and count goes to Firestore.
     */
    @Override
    public OptionalLong changeVersion(String tenantId) {
        return OptionalLong.empty();
    }

    /**
     * Count aggregations (no document is read), all sent at once. The oldest demo in the window is not looked up
     * (null): without a change version ({@link #changeVersion}) no answer built on it is kept.
     */
    @Override
    public DemoStats stats(String tenantId, String createdBy, Instant since, Collection<String> templateIds) {
        Query mine =
                db.collection(COLLECTION).whereEqualTo("tenant_id", tenantId).whereEqualTo("created_by", createdBy);
        Query live = mine.whereIn("status", LIVE);
        ApiFuture<AggregateQuerySnapshot> total = live.count().get();
        ApiFuture<AggregateQuerySnapshot> recent =
                live.whereGreaterThanOrEqualTo("created_at", ts(since)).count().get();
        ApiFuture<AggregateQuerySnapshot> pinned =
                live.whereEqualTo("is_pinned", true).count().get();
        Map<String, ApiFuture<AggregateQuerySnapshot>> perStatus = new LinkedHashMap<>();
        for (Object status : LIVE) {
            perStatus.put(
                    (String) status, mine.whereEqualTo("status", status).count().get());
        }
        Map<String, ApiFuture<AggregateQuerySnapshot>> perTemplate = new LinkedHashMap<>();
        for (String template : new TreeSet<>(templateIds)) {
            perTemplate.put(
                    template, live.whereEqualTo("template_id", template).count().get());
        }
        perTemplate.put(
                DemoStats.CUSTOM, live.whereEqualTo("template_id", null).count().get());
        Map<String, Long> byStatus = DemoStats.liveStatuses();
        perStatus.forEach((k, f) -> byStatus.put(k, await(f).getCount()));
        Map<String, Long> byTemplate = new TreeMap<>();
        perTemplate.forEach((k, f) -> {
            long n = await(f).getCount();
            if (n > 0) {
                byTemplate.put(k, n);
            }
        });
        return new DemoStats(
                await(total).getCount(),
                await(recent).getCount(),
                await(pinned).getCount(),
                byStatus,
                byTemplate,
                null);
    }

    private static DemoSummary summary(DocumentSnapshot doc) {
        Number tables = (Number) doc.get("table_count");
        Number rows = (Number) doc.get("total_rows");
        Number score = (Number) doc.get("readiness_score");
        return new DemoSummary(
                doc.getId(),
                doc.getString("customer_name"),
                doc.getString("template_id"),
                doc.getString("industry"),
                DemoStatus.fromWire(doc.getString("status")),
                Boolean.TRUE.equals(doc.getBoolean("is_pinned")),
                doc.getString("created_by"),
                instant(doc, "created_at"),
                instant(doc, "last_used"),
                tables == null ? 0 : tables.longValue(),
                rows == null ? 0 : rows.longValue(),
                score == null ? null : score.doubleValue());
    }

    @Override
    public List<String> listReadyUnscored(int limit) {
        return await(db.collection(COLLECTION)
                        .whereEqualTo("status", DemoStatus.READY.wire())
                        .whereEqualTo("readiness", null)
                        .orderBy("created_at")
                        .limit(limit)
                        .get())
                .getDocuments()
                .stream()
                .map(d -> d.getString("demo_id"))
                .toList();
    }

    @Override
    public boolean markReady(
            String demoId,
            String datasetId,
            String agentId,
            List<GoldenQuery> goldenQueries,
            Map<String, Object> metadata) {
        Map<String, Object> update = new HashMap<>();
        update.put("status", DemoStatus.READY.wire());
        update.put("dataset_id", datasetId);
        update.put("agent_id", agentId);
        update.put("golden_queries", FieldValue.delete());
        update.put("metadata", metadata);
        update.put("table_count", number(metadata, "table_count"));
        update.put("total_rows", number(metadata, "total_rows"));
        update.put("error", null);
        update.put("golden_set_id", FirestoreGoldenQuerySets.ensureStored(db, goldenQueries, clock.instant()));
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(demoId)).get();
            if (!doc.exists()
                    || !Set.of(DemoStatus.PROVISIONING, DemoStatus.FAILED, DemoStatus.READY)
                            .contains(DemoStatus.fromWire(doc.getString("status")))) {
                return false;
            }
            Instant now = clock.instant();
            update.put("updated_at", ts(now));
            tx.update(ref(demoId), update);
            return true;
        }));
    }

    @Override
    public boolean replaceGoldenQueries(String demoId, List<GoldenQuery> expected, List<GoldenQuery> replacement) {
        String expectedId = FirestoreGoldenQuerySets.idOf(expected);
        // The replacement set is stored before the transaction (once per set id), so the demo never references a set
        // that is not there, and the transaction writes only the demo.
        String replacementId = FirestoreGoldenQuerySets.ensureStored(db, replacement, clock.instant());
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(demoId)).get();
            if (!doc.exists() || !DemoStatus.READY.wire().equals(doc.getString("status"))) {
                return false;
            }
            String current = doc.getString("golden_set_id");
            if (current == null) { // a demo stored before sets existed keeps its queries inline
                current = FirestoreGoldenQuerySets.idOf(FirestoreGoldenQuerySets.parse(doc.get("golden_queries")));
            }
            if (!Objects.equals(current, expectedId)) {
                return false;
            }
            Instant now = clock.instant();
            Map<String, Object> update = new HashMap<>();
            update.put("golden_set_id", replacementId);
            update.put("golden_queries", FieldValue.delete());
            update.put("updated_at", ts(now));
            tx.update(ref(demoId), update);
            return true;
        }));
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
            clear.put("readiness_score", null);
            return updateIf(demoId, Set.of(DemoStatus.values()), clear);
        }
        Map<String, Object> readiness = new LinkedHashMap<>();
        readiness.put("score", r.score());
        readiness.put("passed", r.passed());
        readiness.put("total", r.total());
        readiness.put("failed", r.failed());
        readiness.put("checked_at", ts(r.checkedAt()));
        Map<String, Object> update = new HashMap<>();
        update.put("readiness", readiness);
        update.put("readiness_score", r.score());
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

    @Override
    public boolean setPinned(String demoId, boolean pinned, Instant at) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(demoId)).get();
            if (!doc.exists() || DemoStatus.fromWire(doc.getString("status")) == DemoStatus.DELETED) {
                return false;
            }
            boolean was = Boolean.TRUE.equals(doc.getBoolean("is_pinned"));
            Map<String, Object> update = new HashMap<>();
            update.put("is_pinned", pinned);
            update.put("pinned_at", pinned ? (was ? doc.get("pinned_at") : ts(at)) : null);
            update.put("updated_at", ts(at));
            tx.update(ref(demoId), update);
            return true;
        }));
    }

    @Override
    public DeleteOutcome markDeleted(String demoId, Instant deletedAt) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(demoId)).get();
            if (!doc.exists()) {
                return DeleteOutcome.NOT_FOUND;
            }
            DemoStatus status = DemoStatus.fromWire(doc.getString("status"));
            if (status == DemoStatus.DELETED) {
                return DeleteOutcome.ALREADY_DELETED;
            }
            if (status == DemoStatus.PROVISIONING
                    && !tx.get(db.collection(FirestoreJobStore.COLLECTION)
                                    .whereEqualTo("demo_id", demoId)
                                    .whereIn("status", FirestoreJobStore.ACTIVE)
                                    .limit(1))
                            .get()
                            .isEmpty()) {
                return DeleteOutcome.BUSY;
            }
            Map<String, Object> update = new HashMap<>();
            update.put("status", DemoStatus.DELETED.wire());
            update.put("deleted_at", ts(deletedAt));
            update.put("dataset_id", null);
            update.put("agent_id", null);
            update.put("is_pinned", false);
            update.put("updated_at", ts(deletedAt));
            tx.update(ref(demoId), update);
            return DeleteOutcome.DELETED;
        }));
    }

    private static long number(Map<String, Object> metadata, String key) {
        return metadata != null && metadata.get(key) instanceof Number n ? n.longValue() : 0L;
    }

    // ----- lifecycle -----

    @Override
    public List<Demo> scanReadyUnused(Instant usedAtOrBefore, Optional<Keyset> after, int limit) {
        // index (status, is_pinned, last_used, __name__) in infra/firestore.indexes.json
        return page(
                db.collection(COLLECTION)
                        .whereEqualTo("status", DemoStatus.READY.wire())
                        .whereEqualTo("is_pinned", false)
                        .whereLessThanOrEqualTo("last_used", ts(usedAtOrBefore))
                        .orderBy("last_used"),
                after,
                limit);
    }

    @Override
    public List<Demo> scanArchived(Instant archivedAtOrBefore, Optional<Keyset> after, int limit) {
        // index (status, archived_at, __name__)
        return page(
                db.collection(COLLECTION)
                        .whereEqualTo("status", DemoStatus.ARCHIVED.wire())
                        .whereLessThanOrEqualTo("archived_at", ts(archivedAtOrBefore))
                        .orderBy("archived_at"),
                after,
                limit);
    }

    /** One keyset page of a query ordered by one timestamp field, then by document id (= demo_id). */
    private List<Demo> page(Query ordered, Optional<Keyset> after, int limit) {
        Query q = ordered.orderBy(FieldPath.documentId()).limit(limit);
        if (after.isPresent()) {
            q = q.startAfter(ts(after.get().at()), after.get().id());
        }
        return await(q.get()).getDocuments().stream().map(this::map).toList();
    }

    /**
     * Failed demos by id; the failure time and the cleaned marker are checked here rather than in the query (failed
     * demos are few, and documents written before the marker existed have no such field to match on).
     */
    @Override
    public List<Demo> scanFailedLeftovers(Instant failedAtOrBefore, Optional<Keyset> after, int limit) {
        List<Demo> out = new ArrayList<>();
        String cursor = after.map(Keyset::id).orElse(null);
        while (out.size() < limit) {
            Query q = db.collection(COLLECTION)
                    .whereEqualTo("status", DemoStatus.FAILED.wire())
                    .orderBy(FieldPath.documentId())
                    .limit(limit);
            List<QueryDocumentSnapshot> docs =
                    await((cursor == null ? q : q.startAfter(cursor)).get()).getDocuments();
            for (QueryDocumentSnapshot doc : docs) {
                Instant failed = instant(doc, "updated_at");
                if (doc.get("leftover_cleaned_at") == null
                        && failed != null
                        && !failed.isAfter(failedAtOrBefore)
                        && out.size() < limit) {
                    out.add(map(doc));
                }
            }
            if (docs.size() < limit) {
                break;
            }
            cursor = docs.get(docs.size() - 1).getId();
        }
        return out;
    }

    @Override
    public boolean archive(String demoId, Instant usedAtOrBefore, String templateDatasetPrefix, Instant now) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(demoId)).get();
            if (!doc.exists()) {
                return false;
            }
            Demo d = map(doc, List.of()); // the rule needs no golden queries: no reads outside the transaction
            Instant used = d.lastUsed();
            if (d.status() != DemoStatus.READY
                    || d.isPinned()
                    || used == null
                    || used.isAfter(usedAtOrBefore)
                    || d.onTemplateDataset(templateDatasetPrefix)) {
                return false;
            }
            tx.update(
                    ref(demoId),
                    Map.of("status", DemoStatus.ARCHIVED.wire(), "archived_at", ts(now), "updated_at", ts(now)));
            return true;
        }));
    }

    @Override
    public boolean restore(String demoId, Instant now) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(demoId)).get();
            if (!doc.exists()
                    || !DemoStatus.ARCHIVED.wire().equals(doc.getString("status"))
                    || doc.get("deletion_started_at") != null) {
                return false;
            }
            Map<String, Object> update = new HashMap<>();
            update.put("status", DemoStatus.READY.wire());
            update.put("archived_at", null);
            update.put("last_used", ts(now));
            update.put("updated_at", ts(now));
            tx.update(ref(demoId), update);
            return true;
        }));
    }

    @Override
    public boolean startDeletion(String demoId, Instant archivedAtOrBefore, Instant now) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(demoId)).get();
            Instant archived = doc.exists() ? instant(doc, "archived_at") : null;
            if (archived == null
                    || !DemoStatus.ARCHIVED.wire().equals(doc.getString("status"))
                    || archived.isAfter(archivedAtOrBefore)) {
                return false;
            }
            if (doc.get("deletion_started_at") == null) {
                tx.update(ref(demoId), Map.of("deletion_started_at", ts(now), "updated_at", ts(now)));
            }
            return true;
        }));
    }

    @Override
    public boolean markLeftoverCleaned(String demoId, Instant now) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(demoId)).get();
            if (!doc.exists()
                    || !DemoStatus.FAILED.wire().equals(doc.getString("status"))
                    || doc.get("leftover_cleaned_at") != null) {
                return false;
            }
            tx.update(ref(demoId), "leftover_cleaned_at", ts(now));
            return true;
        }));
    }

    /** Counted from a projection of the three fields, a page at a time (Firestore has no GROUP BY). */
    @Override
    public List<DemoCount> countDemos() {
        Map<List<String>, Long> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> k.toString()));
        String cursor = null;
        while (true) {
            Query q = db.collection(COLLECTION)
                    .select("status", "tenant_id", "template_id")
                    .orderBy(FieldPath.documentId())
                    .limit(COUNT_PAGE);
            List<QueryDocumentSnapshot> docs =
                    await((cursor == null ? q : q.startAfter(cursor)).get()).getDocuments();
            for (QueryDocumentSnapshot doc : docs) {
                counts.merge(
                        Arrays.asList(
                                doc.getString("status"), doc.getString("tenant_id"), doc.getString("template_id")),
                        1L,
                        Long::sum);
            }
            if (docs.size() < COUNT_PAGE) {
                break;
            }
            cursor = docs.get(docs.size() - 1).getId();
        }
        return counts.entrySet().stream()
                .map(e -> new DemoCount(
                        DemoStatus.fromWire(e.getKey().get(0)),
                        e.getKey().get(1),
                        e.getKey().get(2),
                        e.getValue()))
                .toList();
    }

    private boolean updateIf(String demoId, Set<DemoStatus> from, Map<String, Object> update) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(demoId)).get();
            if (!doc.exists() || !from.contains(DemoStatus.fromWire(doc.getString("status")))) {
                return false;
            }
            Map<String, Object> withTime = new HashMap<>(update);
            withTime.put("updated_at", ts(clock.instant()));
            tx.update(ref(demoId), withTime);
            return true;
        }));
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
        m.put("metadata", d.metadata());
        m.put("table_count", number(d.metadata(), "table_count"));
        m.put("total_rows", number(d.metadata(), "total_rows"));
        m.put("readiness", null); // explicit, so "ready and never scored" is a query
        m.put("readiness_score", null);
        m.put("search_terms", DemoSearch.terms(d.customerName()));
        m.put("pinned_at", ts(d.pinnedAt()));
        m.put("deleted_at", ts(d.deletedAt()));
        m.put("source_demo_id", d.sourceDemoId());
        m.put("origin", DemoOrigin.of(d.templateId(), d.sourceDemoId()).wire());
        m.put("share_opened", false);
        m.put("updated_at", ts(d.createdAt()));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Demo map(DocumentSnapshot doc, List<GoldenQuery> golden) {
        Map<String, Object> r = (Map<String, Object>) doc.get("readiness");
        Readiness readiness = r == null
                ? null
                : new Readiness(
                        ((Number) r.get("score")).doubleValue(),
                        ((Number) r.get("passed")).intValue(),
                        ((Number) r.get("total")).intValue(),
                        (List<String>) r.get("failed"),
                        instant(r.get("checked_at")));
        Map<String, Object> metadata = (Map<String, Object>) doc.get("metadata");
        return new Demo(
                doc.getString("demo_id"),
                doc.getString("tenant_id"),
                doc.getString("created_by"),
                doc.getString("customer_name"),
                doc.getString("industry"),
                doc.getString("template_id"),
                doc.getString("dataset_id"),
                doc.getString("agent_id"),
                DemoStatus.fromWire(doc.getString("status")),
                instant(doc, "created_at"),
                instant(doc, "last_used"),
                instant(doc, "archived_at"),
                Boolean.TRUE.equals(doc.getBoolean("is_pinned")),
                golden,
                metadata == null ? Map.of() : metadata,
                readiness,
                instant(doc, "pinned_at"),
                instant(doc, "deleted_at"),
                doc.getString("source_demo_id"));
    }
}
