package com.capidemo.api.security;

import com.capidemo.core.domain.Ids;
import java.security.SecureRandom;
import java.util.Base64;

/** API key format {@code {tenant_id}_api_{16 url-safe chars}} and its SHA-256 lookup hash. */
public final class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    public static String generate(String tenantId) {
        byte[] b = new byte[12]; // 12 bytes → exactly 16 base64url characters
        RANDOM.nextBytes(b);
        return tenantId + "_api_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String key) {
        return Ids.sha256(key);
    }
}
