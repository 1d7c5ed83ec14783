package com.capidemo.core.domain;

import java.time.Instant;

/**
 * A share link of a demo, as stored: found by the SHA-256 of its token ({@code tokenHash}); the token itself only as
 * ciphertext (its owner can list the link again), the password only as a salted slow hash (null without one).
 */
public record DemoShare(
        String tokenHash,
        byte[] encryptedToken,
        String demoId,
        String tenantId,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        String passwordHash,
        boolean readOnly,
        long accessCount,
        Instant lastAccessed,
        Instant revokedAt) {

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** A short public name of the link (for logs and for the viewer's conversations), derived from the hash. */
    public String shareId() {
        return "share_" + tokenHash.substring(0, 16);
    }
}
