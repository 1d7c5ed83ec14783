package com.capidemo.gcp;

import static com.capidemo.gcp.FirestoreValues.await;
import static com.capidemo.gcp.FirestoreValues.ts;

import com.capidemo.core.domain.DemoOrigin;
import com.capidemo.core.domain.InsightCounts;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.InsightsStore;
import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.AggregateQuerySnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The insights' counts in Firestore: one {@code count()} aggregation per user and filter, all sent at once; each is
 * an index range read (infra/firestore.indexes.json): demos by (tenant_id, created_by, origin | share_opened,
 * created_at), demo_shares by (tenant_id, created_by, created_at | first_accessed_at), and the collection group
 * "turns" by (tenant_id, asked_by[, outcome], created_at).
 */
public class FirestoreInsightsStore implements InsightsStore {

    private final Firestore db;

    public FirestoreInsightsStore(Firestore db) {
        this.db = db;
    }

    @Override
    public Map<String, InsightCounts> count(String tenantId, Instant from, Instant to, Collection<String> users) {
        Map<String, List<ApiFuture<AggregateQuerySnapshot>>> pending = new LinkedHashMap<>();
        for (String user : new LinkedHashSet<>(users)) {
            Query demos =
                    db.collection("demos").whereEqualTo("tenant_id", tenantId).whereEqualTo("created_by", user);
            Query shares = db.collection("demo_shares")
                    .whereEqualTo("tenant_id", tenantId)
                    .whereEqualTo("created_by", user);
            Query turns = db.collectionGroup("turns")
                    .whereEqualTo("tenant_id", tenantId)
                    .whereEqualTo("asked_by", user);
            List<ApiFuture<AggregateQuerySnapshot>> f = new ArrayList<>();
            f.add(count(demos.whereEqualTo("origin", DemoOrigin.QUICK.wire()), "created_at", from, to));
            f.add(count(demos.whereEqualTo("origin", DemoOrigin.CUSTOM.wire()), "created_at", from, to));
            f.add(count(demos.whereEqualTo("origin", DemoOrigin.CLONE.wire()), "created_at", from, to));
            f.add(count(demos.whereEqualTo("share_opened", true), "created_at", from, to));
            f.add(count(shares, "created_at", from, to));
            f.add(count(shares, "first_accessed_at", from, to));
            f.add(count(turns, "created_at", from, to));
            f.add(count(turns.whereEqualTo("outcome", ChatAnswer.DECLINED), "created_at", from, to));
            pending.put(user, f);
        }
        Map<String, InsightCounts> out = new LinkedHashMap<>();
        pending.forEach((user, f) -> out.put(
                user,
                new InsightCounts(
                        n(f.get(0)),
                        n(f.get(1)),
                        n(f.get(2)),
                        n(f.get(3)),
                        n(f.get(4)),
                        n(f.get(5)),
                        n(f.get(6)),
                        n(f.get(7)))));
        return out;
    }

    private static ApiFuture<AggregateQuerySnapshot> count(Query q, String field, Instant from, Instant to) {
        return q.whereGreaterThanOrEqualTo(field, ts(from))
                .whereLessThan(field, ts(to))
                .count()
                .get();
    }

    private static long n(ApiFuture<AggregateQuerySnapshot> f) {
        return await(f).getCount();
    }
}
