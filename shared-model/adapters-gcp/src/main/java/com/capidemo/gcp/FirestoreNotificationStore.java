package com.capidemo.gcp;

import static com.capidemo.gcp.FirestoreValues.await;
import static com.capidemo.gcp.FirestoreValues.createIfAbsent;
import static com.capidemo.gcp.FirestoreValues.instant;
import static com.capidemo.gcp.FirestoreValues.ts;

import com.capidemo.core.domain.Notification;
import com.capidemo.core.port.Keyset;
import com.capidemo.core.port.NotificationStore;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Notifications in Firestore ({@code notifications/{notification_id}}): the id is the document id, so a second
 * warning for the same demo and cycle finds the document in its transaction and stores nothing.
 */
public class FirestoreNotificationStore implements NotificationStore {

    static final String COLLECTION = "notifications";

    private final Firestore db;

    public FirestoreNotificationStore(Firestore db) {
        this.db = db;
    }

    private DocumentReference ref(String id) {
        return db.collection(COLLECTION).document(id);
    }

    @Override
    public boolean add(Notification n) {
        return createIfAbsent(db, ref(n.notificationId()), document(n));
    }

    @Override
    public List<Notification> listForRecipient(String tenantId, String recipient, Optional<Keyset> after, int limit) {
        // index (tenant_id, recipient, created_at desc, __name__ desc)
        Query q = db.collection(COLLECTION)
                .whereEqualTo("tenant_id", tenantId)
                .whereEqualTo("recipient", recipient)
                .orderBy("created_at", Query.Direction.DESCENDING)
                .orderBy(FieldPath.documentId(), Query.Direction.DESCENDING)
                .limit(limit);
        if (after.isPresent()) {
            q = q.startAfter(ts(after.get().at()), after.get().id());
        }
        return await(q.get()).getDocuments().stream()
                .map(FirestoreNotificationStore::map)
                .toList();
    }

    @Override
    public List<Notification> listUndelivered(int limit) {
        // index (delivered_at, created_at, __name__): delivered_at is written as an explicit null
        return await(db.collection(COLLECTION)
                        .whereEqualTo("delivered_at", null)
                        .orderBy("created_at")
                        .orderBy(FieldPath.documentId())
                        .limit(limit)
                        .get())
                .getDocuments()
                .stream()
                .map(FirestoreNotificationStore::map)
                .toList();
    }

    @Override
    public boolean claimDelivery(String notificationId, Instant now, Instant leaseUntil) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(notificationId)).get();
            Instant lease = doc.exists() ? instant(doc, "delivery_lease_until") : null;
            if (!doc.exists() || doc.get("delivered_at") != null || (lease != null && lease.isAfter(now))) {
                return false;
            }
            tx.update(ref(notificationId), "delivery_lease_until", ts(leaseUntil));
            return true;
        }));
    }

    @Override
    public void releaseDelivery(String notificationId) {
        await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(notificationId)).get();
            if (doc.exists() && doc.get("delivered_at") == null) {
                tx.update(ref(notificationId), "delivery_lease_until", null);
            }
            return null;
        }));
    }

    @Override
    public boolean markDelivered(String notificationId, Instant at) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(notificationId)).get();
            if (!doc.exists() || doc.get("delivered_at") != null) {
                return false;
            }
            tx.update(ref(notificationId), "delivered_at", ts(at));
            return true;
        }));
    }

    private static Map<String, Object> document(Notification n) {
        Map<String, Object> m = new HashMap<>();
        m.put("notification_id", n.notificationId());
        m.put("tenant_id", n.tenantId());
        m.put("recipient", n.recipient());
        m.put("demo_id", n.demoId());
        m.put("kind", n.kind());
        m.put("customer_name", n.customerName());
        m.put("message", n.message());
        m.put("archive_on", ts(n.archiveOn()));
        m.put("created_at", ts(n.createdAt()));
        m.put("delivered_at", ts(n.deliveredAt()));
        return m;
    }

    private static Notification map(DocumentSnapshot d) {
        return new Notification(
                d.getString("notification_id"),
                d.getString("tenant_id"),
                d.getString("recipient"),
                d.getString("demo_id"),
                d.getString("kind"),
                d.getString("customer_name"),
                d.getString("message"),
                instant(d, "archive_on"),
                instant(d, "created_at"),
                instant(d, "delivered_at"));
    }
}
