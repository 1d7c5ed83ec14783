package com.capidemo.core.domain;

/** The authenticated principal behind a request: which tenant, which user, which role. */
public record Caller(String tenantId, String userEmail, String role) {

    /** A tenant admin (the onboarding key's user, or a user issued an admin key). */
    public boolean isAdmin() {
        return ApiKey.ADMIN.equals(role);
    }
}
