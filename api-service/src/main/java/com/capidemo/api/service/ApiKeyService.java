package com.capidemo.api.service;

import com.capidemo.api.security.ApiKeys;
import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.port.Crypto;
import com.capidemo.core.port.TenantStore;
import com.capidemo.core.web.ApiProblem;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The users of a tenant, as API keys: a tenant admin issues a key for a user (shown once; stored like the onboarding
 * key: SHA-256 for the lookup, ciphertext for the key), lists them without secrets, revokes them (401 at once). Only
 * a tenant's admins manage its keys; a path naming another tenant is 403, whether it exists or not.
 */
@ApplicationScoped
public class ApiKeyService {

    static final int LIST_LIMIT = 500;

    private final TenantStore tenants;
    private final Crypto crypto;
    private final Clock clock;

    public ApiKeyService(TenantStore tenants, Crypto crypto, Clock clock) {
        this.tenants = tenants;
        this.crypto = crypto;
        this.clock = clock;
    }

    /** A key as listed: its public id and whose it is, never the key or its hash. */
    public record KeyView(
            String keyId,
            String userEmail,
            String role,
            Instant createdAt,
            String issuedBy,
            boolean revoked,
            Instant revokedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(
                    k.keyId(), k.userEmail(), k.role(), k.createdAt(), k.issuedBy(), k.revoked(), k.revokedAt());
        }
    }

    /** A key just issued: the only time the key itself is shown. */
    public record Issued(
            String keyId,
            String apiKey,
            String tenantId,
            String userEmail,
            String role,
            Instant createdAt,
            String message) {}

    public Issued issue(Caller caller, String tenantId, String userEmail, String role) {
        requireAdminOf(caller, tenantId);
        String key = ApiKeys.generate(tenantId);
        Instant now = clock.instant();
        String email = userEmail.strip();
        ApiKey stored = new ApiKey(
                ApiKeys.hash(key),
                tenantId,
                email,
                role,
                crypto.encrypt(key.getBytes(StandardCharsets.UTF_8), "api_key:" + tenantId),
                now,
                false,
                Ids.keyId(),
                caller.userEmail(),
                null);
        if (!tenants.addKey(stored)) {
            throw ApiProblem.notFound("tenant", tenantId);
        }
        Log.infof(
                "API key %s issued for %s (%s) of tenant %s by %s",
                stored.keyId(), email, role, tenantId, caller.userEmail());
        return new Issued(
                stored.keyId(),
                key,
                tenantId,
                email,
                role,
                now,
                "API key for " + email + " issued; store it now, it is not shown again");
    }

    public List<KeyView> list(Caller caller, String tenantId) {
        requireAdminOf(caller, tenantId);
        return tenants.listKeys(tenantId, LIST_LIMIT).stream().map(KeyView::of).toList();
    }

    /**
     * Revokes a key of the tenant (again: no change); another tenant's or an unknown key id is 404, and the tenant's
     * last active admin key cannot be revoked (409), so a tenant is never left without an admin.
     */
    public void revoke(Caller caller, String tenantId, String keyId) {
        requireAdminOf(caller, tenantId);
        List<ApiKey> keys = tenants.listKeys(tenantId, LIST_LIMIT);
        ApiKey key = keys.stream()
                .filter(k -> k.keyId().equals(keyId))
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("api-key", keyId));
        if (key.revoked()) {
            return;
        }
        boolean lastAdmin = ApiKey.ADMIN.equals(key.role())
                && keys.stream()
                                .filter(k -> !k.revoked() && ApiKey.ADMIN.equals(k.role()))
                                .count()
                        == 1;
        if (lastAdmin) {
            throw ApiProblem.conflict(
                    "last-admin-key",
                    "key '" + keyId + "' is the tenant's last admin key; "
                            + "issue another admin key before revoking it");
        }
        tenants.revokeKey(key.keyHash(), clock.instant());
        Log.infof("API key %s of %s (tenant %s) revoked by %s", keyId, key.userEmail(), tenantId, caller.userEmail());
    }

    private static void requireAdminOf(Caller caller, String tenantId) {
        if (!caller.tenantId().equals(tenantId)) {
            throw ApiProblem.forbidden("the API key does not belong to tenant '" + tenantId + "'");
        }
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("only a tenant admin may manage the tenant's API keys");
        }
    }
}
