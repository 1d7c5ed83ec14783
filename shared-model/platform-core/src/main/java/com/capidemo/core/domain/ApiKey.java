package com.capidemo.core.domain;

import java.time.Instant;

/**
 * A stored API key of one user of a tenant: looked up by the SHA-256 of the key, the key itself kept only as
 * ciphertext made by the crypto port. {@code keyId} is its public name (listing, revoking), never derived from the
 * key; {@code issuedBy} the admin who issued it (null for the onboarding key).
 */
public record ApiKey(
        String keyHash,
        String tenantId,
        String userEmail,
        String role,
        byte[] encryptedKey,
        Instant createdAt,
        boolean revoked,
        String keyId,
        String issuedBy,
        Instant revokedAt) {

    public static final String ADMIN = "admin";
    public static final String MEMBER = "member";

    /** A new, unrevoked key with a fresh public id. */
    public ApiKey(
            String keyHash,
            String tenantId,
            String userEmail,
            String role,
            byte[] encryptedKey,
            Instant createdAt,
            boolean revoked) {
        this(keyHash, tenantId, userEmail, role, encryptedKey, createdAt, revoked, Ids.keyId(), null, null);
    }
}
