package com.capidemo.shared.domain;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Identifier minting. Demo ids double as warehouse dataset ids, so they are valid identifiers. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String jobId() {
        return "job_" + randomHex(10);
    }

    public static String demoId() {
        return "demo_" + randomHex(8);
    }

    public static String messageId() {
        return Long.toUnsignedString(RANDOM.nextLong() >>> 1);
    }

    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
