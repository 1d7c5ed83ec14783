package com.capidemo.local;

import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.domain.Tenant;
import com.capidemo.core.port.TenantStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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
            int n = Sql.update(
                    c,
                    "INSERT OR IGNORE INTO tenants(tenant_id, dataset_id, created_at) VALUES (?,?,?)",
                    tenant.tenantId(),
                    tenant.datasetId(),
                    tenant.createdAt());
            if (n == 0) {
                return Optional.empty();
            }
            insertKey(c, key);
            return Optional.of(tenant);
        });
    }

    private static void insertKey(Connection c, ApiKey key) throws SQLException {
        Sql.update(
                c,
                """
                INSERT INTO api_keys(key_hash, tenant_id, user_email, role, encrypted_key, created_at, revoked, key_id,
                                     issued_by)
                VALUES (?,?,?,?,?,?,0,?,?)""",
                key.keyHash(),
                key.tenantId(),
                key.userEmail(),
                key.role(),
                key.encryptedKey(),
                key.createdAt(),
                key.keyId(),
                key.issuedBy());
        Sql.update(
                c,
                "INSERT OR IGNORE INTO users(email, tenant_id, role, created_at) VALUES (?,?,?,?)",
                key.userEmail(),
                key.tenantId(),
                key.role(),
                key.createdAt());
    }

    @Override
    public boolean addKey(ApiKey key) {
        return db.write(c -> {
            if (Sql.one(c, "SELECT 1 FROM tenants WHERE tenant_id = ?", rs -> 1, key.tenantId())
                    .isEmpty()) {
                return false;
            }
            insertKey(c, key);
            return true;
        });
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return db.read(c -> Sql.one(
                c,
                "SELECT * FROM tenants WHERE tenant_id = ?",
                rs -> new Tenant(rs.getString("tenant_id"), rs.getString("dataset_id"), Sql.instant(rs, "created_at")),
                tenantId));
    }

    @Override
    public Optional<ApiKey> findKeyByHash(String keyHash) {
        return db.read(c -> Sql.one(c, "SELECT * FROM api_keys WHERE key_hash = ?", SqliteTenantStore::key, keyHash));
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(
                rs.getString("key_hash"),
                rs.getString("tenant_id"),
                rs.getString("user_email"),
                rs.getString("role"),
                rs.getBytes("encrypted_key"),
                Sql.instant(rs, "created_at"),
                rs.getInt("revoked") == 1,
                rs.getString("key_id"),
                rs.getString("issued_by"),
                Sql.instant(rs, "revoked_at"));
    }

    @Override
    public List<ApiKey> listKeys(String tenantId, int limit) {
        return db.read(c -> Sql.list(
                c,
                "SELECT * FROM api_keys WHERE tenant_id = ? ORDER BY created_at DESC, key_id LIMIT ?",
                SqliteTenantStore::key,
                tenantId,
                limit));
    }

    @Override
    public boolean revokeKey(String keyHash, Instant at) {
        return db.write(c -> Sql.update(
                        c,
                        "UPDATE api_keys SET revoked = 1, revoked_at = coalesce(revoked_at, ?) WHERE key_hash = ?",
                        at,
                        keyHash)
                == 1);
    }
}
