package com.capidemo.gcp;

import static com.capidemo.gcp.FirestoreValues.await;
import static com.capidemo.gcp.FirestoreValues.instant;
import static com.capidemo.gcp.FirestoreValues.ts;

import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.domain.Tenant;
import com.capidemo.core.port.TenantStore;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.Transaction;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tenants ({@code tenants/{tenant_id}}), API keys ({@code api_keys/{sha256(key)}}, the key itself only
 * as ciphertext) and users ({@code users/{email}}) in Firestore; a tenant and its first key are
 * written in one transaction.
 */
public class FirestoreTenantStore implements TenantStore {

    private final Firestore db;

    public FirestoreTenantStore(Firestore db) {
        this.db = db;
    }

    private DocumentReference tenant(String tenantId) {
        return db.collection("tenants").document(tenantId);
    }

    private DocumentReference key(String keyHash) {
        return db.collection("api_keys").document(keyHash);
    }

    @Override
    public Optional<Tenant> createWithKey(Tenant t, ApiKey k) {
        return await(db.runTransaction(tx -> {
            if (tx.get(tenant(t.tenantId())).get().exists()) {
                return Optional.<Tenant>empty();
            }
            tx.create(
                    tenant(t.tenantId()),
                    Map.of("tenant_id", t.tenantId(), "dataset_id", t.datasetId(), "created_at", ts(t.createdAt())));
            writeKey(tx, k);
            return Optional.of(t);
        }));
    }

    private void writeKey(Transaction tx, ApiKey k) {
        Map<String, Object> keyDoc = new HashMap<>();
        keyDoc.put("key_id", k.keyId());
        keyDoc.put("tenant_id", k.tenantId());
        keyDoc.put("user_email", k.userEmail());
        keyDoc.put("role", k.role());
        keyDoc.put("encrypted_key", Blob.fromBytes(k.encryptedKey()));
        keyDoc.put("created_at", ts(k.createdAt()));
        keyDoc.put("issued_by", k.issuedBy());
        keyDoc.put("revoked", false);
        keyDoc.put("revoked_at", null);
        tx.create(key(k.keyHash()), keyDoc);
        tx.set(
                db.collection("users").document(k.userEmail()),
                Map.of(
                        "email",
                        k.userEmail(),
                        "tenant_id",
                        k.tenantId(),
                        "role",
                        k.role(),
                        "created_at",
                        ts(k.createdAt())));
    }

    @Override
    public boolean addKey(ApiKey k) {
        return await(db.runTransaction(tx -> {
            if (!tx.get(tenant(k.tenantId())).get().exists()) {
                return false;
            }
            writeKey(tx, k);
            return true;
        }));
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        DocumentSnapshot doc = await(tenant(tenantId).get());
        return doc.exists()
                ? Optional.of(
                        new Tenant(doc.getString("tenant_id"), doc.getString("dataset_id"), instant(doc, "created_at")))
                : Optional.empty();
    }

    @Override
    public Optional<ApiKey> findKeyByHash(String keyHash) {
        DocumentSnapshot doc = await(key(keyHash).get());
        if (!doc.exists()) {
            return Optional.empty();
        }
        return Optional.of(key(doc));
    }

    private static ApiKey key(DocumentSnapshot doc) {
        Blob encrypted = doc.getBlob("encrypted_key");
        return new ApiKey(
                doc.getId(),
                doc.getString("tenant_id"),
                doc.getString("user_email"),
                doc.getString("role"),
                encrypted == null ? new byte[0] : encrypted.toBytes(),
                instant(doc, "created_at"),
                Boolean.TRUE.equals(doc.getBoolean("revoked")),
                doc.getString("key_id"),
                doc.getString("issued_by"),
                instant(doc, "revoked_at"));
    }

    @Override
    public List<ApiKey> listKeys(String tenantId, int limit) {
        return await(db.collection("api_keys")
                        .whereEqualTo("tenant_id", tenantId)
                        .orderBy("created_at", Query.Direction.DESCENDING)
                        .limit(limit)
                        .get())
                .getDocuments()
                .stream()
                .map(FirestoreTenantStore::key)
                .toList();
    }

    @Override
    public boolean revokeKey(String keyHash, Instant at) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(key(keyHash)).get();
            if (!doc.exists()) {
                return false;
            }
            Map<String, Object> update = new HashMap<>();
            update.put("revoked", true);
            if (doc.get("revoked_at") == null) {
                update.put("revoked_at", ts(at));
            }
            tx.update(key(keyHash), update);
            return true;
        }));
    }
}
