package com.capidemo.shared.adapter.local;

import com.capidemo.shared.domain.ApiKey;
import com.capidemo.shared.domain.Tenant;
import com.capidemo.shared.port.TenantStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.Optional;

/** Tenants, users and API keys in SQLite. */
@Typed(SqliteTenantStore.class)
@ApplicationScoped
public class SqliteTenantStore implements TenantStore {

    private final SqliteDatabase db;

    public SqliteTenantStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<Tenant> createWithKey(Tenant tenant, ApiKey key) {
        return db.write(c -> {
            int n = Sql.update(c, "INSERT OR IGNORE INTO tenants(tenant_id, dataset_id, created_at) VALUES (?,?,?)",
                    tenant.tenantId(), tenant.datasetId(), tenant.createdAt());
            if (n == 0) {
                return Optional.empty();
            }
            Sql.update(c, """
                    INSERT INTO api_keys(key_hash, tenant_id, user_email, role, encrypted_key, created_at, revoked)
                    VALUES (?,?,?,?,?,?,0)""",
                    key.keyHash(), key.tenantId(), key.userEmail(), key.role(), key.encryptedKey(), key.createdAt());
            Sql.update(c, "INSERT OR IGNORE INTO users(email, tenant_id, role, created_at) VALUES (?,?,?,?)",
                    key.userEmail(), key.tenantId(), key.role(), key.createdAt());
            return Optional.of(tenant);
        });
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return db.read(c -> Sql.one(c, "SELECT * FROM tenants WHERE tenant_id = ?",
                rs -> new Tenant(rs.getString("tenant_id"), rs.getString("dataset_id"), Sql.instant(rs, "created_at")),
                tenantId));
    }

    @Override
    public Optional<ApiKey> findKeyByHash(String keyHash) {
        return db.read(c -> Sql.one(c, "SELECT * FROM api_keys WHERE key_hash = ?",
                rs -> new ApiKey(rs.getString("key_hash"), rs.getString("tenant_id"), rs.getString("user_email"),
                        rs.getString("role"), rs.getBytes("encrypted_key"), Sql.instant(rs, "created_at"),
                        rs.getInt("revoked") == 1),
                keyHash));
    }

    @Override
    public boolean revokeKey(String keyHash) {
        return db.write(c -> Sql.update(c, "UPDATE api_keys SET revoked = 1 WHERE key_hash = ?", keyHash) == 1);
    }
}
