package com.capidemo.shared.domain;

import java.time.Instant;

/**
 * A stored API key: looked up by the SHA-256 of the key, the key itself kept only as ciphertext
 * made by the crypto port.
 */
public record ApiKey(String keyHash, String tenantId, String userEmail, String role, byte[] encryptedKey,
                     Instant createdAt, boolean revoked) {
}
