package com.capidemo.gcp;

import static com.capidemo.gcp.FirestoreValues.await;
import static com.capidemo.gcp.FirestoreValues.instant;
import static com.capidemo.gcp.FirestoreValues.ts;

import com.capidemo.core.domain.DemoShare;
import com.capidemo.core.port.ShareStore;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Share links in Firestore ({@code demo_shares/{sha256(token)}}): the token only as ciphertext, the password only as
 * a salted slow hash; an access is one atomic increment.
 */
public class FirestoreShareStore implements ShareStore {

    static final String COLLECTION = "demo_shares";

    private final Firestore db;

    public FirestoreShareStore(Firestore db) {
        this.db = db;
    }

    private DocumentReference ref(String tokenHash) {
        return db.collection(COLLECTION).document(tokenHash);
    }

    @Override
    public boolean create(DemoShare s) {
        Map<String, Object> d = new HashMap<>();
        d.put("token_hash", s.tokenHash());
        d.put("encrypted_token", Blob.fromBytes(s.encryptedToken()));
        d.put("demo_id", s.demoId());
        d.put("tenant_id", s.tenantId());
        d.put("created_by", s.createdBy());
        d.put("created_at", ts(s.createdAt()));
        d.put("expires_at", ts(s.expiresAt()));
        d.put("password_hash", s.passwordHash());
        d.put("read_only", s.readOnly());
        d.put("access_count", s.accessCount());
        d.put("last_accessed", ts(s.lastAccessed()));
        d.put("first_accessed_at", ts(s.lastAccessed()));
        d.put("revoked_at", ts(s.revokedAt()));
        d.put("revoked", s.revokedAt() != null);
        return await(db.runTransaction(tx -> {
            if (tx.get(ref(s.tokenHash())).get().exists()) {
                return false;
            }
            tx.create(ref(s.tokenHash()), d);
            return true;
        }));
    }

    @Override
    public Optional<DemoShare> find(String tokenHash) {
        DocumentSnapshot doc = await(ref(tokenHash).get());
        return doc.exists() ? Optional.of(map(doc)) : Optional.empty();
    }

    @Override
    public List<DemoShare> listByDemo(String demoId, int limit) {
        return await(db.collection(COLLECTION)
                        .whereEqualTo("demo_id", demoId)
                        .whereEqualTo("revoked", false)
                        .orderBy("created_at", Query.Direction.DESCENDING)
                        .limit(limit)
                        .get())
                .getDocuments()
                .stream()
                .map(FirestoreShareStore::map)
                .toList();
    }

    @Override
    public boolean recordAccess(String tokenHash, Instant at) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(tokenHash)).get();
            if (!doc.exists()) {
                return false;
            }
            String demoId = doc.getString("demo_id");
            DocumentReference demo =
                    demoId == null ? null : db.collection("demos").document(demoId);
            DocumentSnapshot demoDoc = demo == null ? null : tx.get(demo).get();
            Instant last = instant(doc, "last_accessed");
            Instant first = instant(doc, "first_accessed_at");
            Map<String, Object> update = new HashMap<>();
            update.put("access_count", FieldValue.increment(1));
            update.put("last_accessed", ts(last != null && last.isAfter(at) ? last : at));
            update.put("first_accessed_at", ts(first != null && first.isBefore(at) ? first : at));
            tx.update(ref(tokenHash), update);
            if (demoDoc != null && demoDoc.exists() && !Boolean.TRUE.equals(demoDoc.getBoolean("share_opened"))) {
                // the demo has had a link opened (the insights' sharing rate); written once per demo
                tx.update(demo, Map.of("share_opened", true, "share_opened_at", ts(at)));
            }
            return true;
        }));
    }

    @Override
    public boolean revoke(String tokenHash, Instant at) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(tokenHash)).get();
            if (!doc.exists()) {
                return false;
            }
            if (doc.get("revoked_at") == null) {
                tx.update(ref(tokenHash), Map.of("revoked_at", ts(at), "revoked", true));
            }
            return true;
        }));
    }

    private static DemoShare map(DocumentSnapshot doc) {
        Blob token = doc.getBlob("encrypted_token");
        Number count = (Number) doc.get("access_count");
        return new DemoShare(
                doc.getId(),
                token == null ? new byte[0] : token.toBytes(),
                doc.getString("demo_id"),
                doc.getString("tenant_id"),
                doc.getString("created_by"),
                instant(doc, "created_at"),
                instant(doc, "expires_at"),
                doc.getString("password_hash"),
                !Boolean.FALSE.equals(doc.getBoolean("read_only")),
                count == null ? 0 : count.longValue(),
                instant(doc, "last_accessed"),
                instant(doc, "revoked_at"));
    }
}
