package com.capidemo.shared.port;

import com.capidemo.shared.domain.ApiKey;
import com.capidemo.shared.domain.Tenant;
import java.util.Optional;

/** Tenants, their users and API keys. */
public interface TenantStore {

    /** Creates the tenant and its first key atomically; empty when the tenant already exists. */
    Optional<Tenant> createWithKey(Tenant tenant, ApiKey key);

    Optional<Tenant> find(String tenantId);

    Optional<ApiKey> findKeyByHash(String keyHash);

    boolean revokeKey(String keyHash);
}
