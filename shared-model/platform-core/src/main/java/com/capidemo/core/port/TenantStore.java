package com.capidemo.core.port;

import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.domain.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tenants, their users and API keys. */
public interface TenantStore {

    /** Creates the tenant and its first key atomically; empty when the tenant already exists. */
    Optional<Tenant> createWithKey(Tenant tenant, ApiKey key);

    Optional<Tenant> find(String tenantId);

    Optional<ApiKey> findKeyByHash(String keyHash);

    /** Stores another key of an existing tenant (and its user); false when the tenant does not exist. */
    boolean addKey(ApiKey key);

    /** A tenant's keys (revoked ones too), newest first, at most {@code limit}. */
    List<ApiKey> listKeys(String tenantId, int limit);

    /** Revokes the key at {@code at} (kept once set); false for an unknown key. */
    boolean revokeKey(String keyHash, Instant at);
}
