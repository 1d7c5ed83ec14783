package com.capidemo.shared.adapter.gcp;

import static com.capidemo.shared.adapter.gcp.FirestoreValues.await;
import static com.capidemo.shared.adapter.gcp.FirestoreValues.instant;
import static com.capidemo.shared.adapter.gcp.FirestoreValues.ts;

import com.capidemo.shared.domain.ApiKey;
import com.capidemo.shared.domain.Tenant;
import com.capidemo.shared.port.TenantStore;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.util.HashMap;
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
            tx.create(tenant(t.tenantId()), Map.of("tenant_id", t.tenantId(), "dataset_id", t.datasetId(),
                    "created_at", ts(t.createdAt())));
            Map<String, Object> keyDoc = new HashMap<>();
            keyDoc.put("tenant_id", k.tenantId());
            keyDoc.put("user_email", k.userEmail());
            keyDoc.put("role", k.role());
            keyDoc.put("encrypted_key", Blob.fromBytes(k.encryptedKey()));
            keyDoc.put("created_at", ts(k.createdAt()));
            keyDoc.put("revoked", false);
            tx.create(key(k.keyHash()), keyDoc);
            tx.set(db.collection("users").document(k.userEmail()), Map.of("email", k.userEmail(),
                    "tenant_id", k.tenantId(), "role", k.role(), "created_at", ts(k.createdAt())));
            return Optional.of(t);
        }));
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        DocumentSnapshot doc = await(tenant(tenantId).get());
        return doc.exists()
                ? Optional.of(new Tenant(doc.getString("tenant_id"), doc.getString("dataset_id"),
                        instant(doc, "created_at")))
                : Optional.empty();
    }

    @Override
    public Optional<ApiKey> findKeyByHash(String keyHash) {
        DocumentSnapshot doc = await(key(keyHash).get());
        if (!doc.exists()) {
            return Optional.empty();
        }
        Blob encrypted = doc.getBlob("encrypted_key");
        return Optional.of(new ApiKey(keyHash, doc.getString("tenant_id"), doc.getString("user_email"),
                doc.getString("role"), encrypted == null ? new byte[0] : encrypted.toBytes(),
                instant(doc, "created_at"), Boolean.TRUE.equals(doc.getBoolean("revoked"))));
    }

    @Override
    public boolean revokeKey(String keyHash) {
        return await(db.runTransaction(tx -> {
            if (!tx.get(key(keyHash)).get().exists()) {
                return false;
            }
            tx.update(key(keyHash), "revoked", true);
            return true;
        }));
    }
}
