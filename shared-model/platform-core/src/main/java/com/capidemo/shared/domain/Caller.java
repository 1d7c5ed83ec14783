package com.capidemo.shared.domain;

/** The authenticated principal behind a request: which tenant, which user, which role. */
public record Caller(String tenantId, String userEmail, String role) {
}
