package com.capidemo.api.support;

import com.capidemo.api.security.ApiKeys;
import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.port.TenantStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Other users of a tenant for api-service tests: a key stored as issuance stores it. */
@ApplicationScoped
public class Users {

    private final TenantStore tenants;

    public Users(TenantStore tenants) {
        this.tenants = tenants;
    }

    /**
     * A new tenant (its onboarding key is the admin's) with two members, the owner of the demos a test makes and a
     * colleague, and a key of another tenant: the parties of the status-code matrices.
     */
    public record Team(
            String tenant,
            String adminKey,
            String owner,
            String ownerKey,
            String colleagueKey,
            String otherTenantKey) {}

    public Team team(String prefix) {
        String adminKey = Tenants.onboardNew(prefix);
        String tenant = ReadyDemos.tenantOf(adminKey);
        String owner = "owner@" + tenant + ".example";
        return new Team(
                tenant,
                adminKey,
                owner,
                key(tenant, owner, ApiKey.MEMBER),
                key(tenant, "colleague@" + tenant + ".example", ApiKey.MEMBER),
                Tenants.onboardNew("other"));
    }

    /** A new key of {@code email} with {@code role} in the tenant; returns the key. */
    public String key(String tenantId, String email, String role) {
        String key = ApiKeys.generate(tenantId);
        if (!tenants.addKey(
                new ApiKey(ApiKeys.hash(key), tenantId, email, role, new byte[] {1}, Instant.now(), false))) {
            throw new IllegalStateException("no tenant " + tenantId);
        }
        return key;
    }
}
