package com.capidemo.api.support;

import com.capidemo.api.security.ApiKeys;
import com.capidemo.shared.domain.ApiKey;
import com.capidemo.shared.port.TenantStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Other users of a tenant for api-service tests: a key stored as issuance stores it. */
@ApplicationScoped
public class Users {

    private final TenantStore tenants;

    public Users(TenantStore tenants) {
        this.tenants = tenants;
    }

    /** A new key of {@code email} with {@code role} in the tenant; returns the key. */
    public String key(String tenantId, String email, String role) {
        String key = ApiKeys.generate(tenantId);
        if (!tenants.addKey(new ApiKey(ApiKeys.hash(key), tenantId, email, role, new byte[] {1}, Instant.now(), false))) {
            throw new IllegalStateException("no tenant " + tenantId);
        }
        return key;
    }
}
