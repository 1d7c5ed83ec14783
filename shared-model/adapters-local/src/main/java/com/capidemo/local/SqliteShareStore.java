package com.capidemo.local;

import com.capidemo.core.domain.DemoShare;
import com.capidemo.core.port.ShareStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Share links in SQLite ({@code demo_shares}, keyed by the token's SHA-256). */
@Typed(SqliteShareStore.class)
@ApplicationScoped
public class SqliteShareStore implements ShareStore {

    private final SqliteDatabase db;

    public SqliteShareStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public boolean create(DemoShare s) {
        return db.write(c -> Sql.update(
                        c,
                        """
                INSERT OR IGNORE INTO demo_shares(token_hash, encrypted_token, demo_id, tenant_id, created_by, created_at,
                                                  expires_at, password_hash, read_only, access_count, last_accessed,
                                                  revoked_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""",
                        s.tokenHash(),
                        s.encryptedToken(),
                        s.demoId(),
                        s.tenantId(),
                        s.createdBy(),
                        s.createdAt(),
                        s.expiresAt(),
                        s.passwordHash(),
                        s.readOnly(),
                        s.accessCount(),
                        s.lastAccessed(),
                        s.revokedAt())
                == 1);
    }

    @Override
    public Optional<DemoShare> find(String tokenHash) {
        return db.read(
                c -> Sql.one(c, "SELECT * FROM demo_shares WHERE token_hash = ?", SqliteShareStore::map, tokenHash));
    }

    @Override
    public List<DemoShare> listByDemo(String demoId, int limit) {
        return db.read(c -> Sql.list(c, """
                SELECT * FROM demo_shares WHERE demo_id = ? AND revoked_at IS NULL
                ORDER BY created_at DESC, token_hash LIMIT ?""", SqliteShareStore::map, demoId, limit));
    }

    @Override
    public boolean recordAccess(String tokenHash, Instant at) {
        return db.write(c -> {
            if (Sql.update(c, """
                    UPDATE demo_shares SET access_count = access_count + 1,
                           last_accessed = max(coalesce(last_accessed, 0), ?),
                           first_accessed_at = min(coalesce(first_accessed_at, ?), ?)
                    WHERE token_hash = ?""", at, at, at, tokenHash) != 1) {
                return false;
            }
            // the demo has had a link opened (the insights' sharing rate); written once per demo
            Sql.update(c, """
                    UPDATE demos SET share_opened_at = ?
                    WHERE demo_id = (SELECT demo_id FROM demo_shares WHERE token_hash = ?)
                      AND share_opened_at IS NULL""", at, tokenHash);
            return true;
        });
    }

    @Override
    public boolean revoke(String tokenHash, Instant at) {
        return db.write(c -> Sql.update(
                        c,
                        "UPDATE demo_shares SET revoked_at = coalesce(revoked_at, ?) WHERE token_hash = ?",
                        at,
                        tokenHash)
                == 1);
    }

    private static DemoShare map(ResultSet rs) throws SQLException {
        return new DemoShare(
                rs.getString("token_hash"),
                rs.getBytes("encrypted_token"),
                rs.getString("demo_id"),
                rs.getString("tenant_id"),
                rs.getString("created_by"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "expires_at"),
                rs.getString("password_hash"),
                rs.getInt("read_only") == 1,
                rs.getLong("access_count"),
                Sql.instant(rs, "last_accessed"),
                Sql.instant(rs, "revoked_at"));
    }
}
