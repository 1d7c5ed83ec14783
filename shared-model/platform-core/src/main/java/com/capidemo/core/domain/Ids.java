package com.capidemo.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Identifier minting. Demo ids double as warehouse dataset ids, so they are valid identifiers. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * What any id we accept from outside may look like (job, demo, conversation, message ids are shorter): at most
     * 64 letters, digits, '_' or '-'. Longer or other text is refused before it is looked up or logged.
     */
    public static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private Ids() {}

    public static String jobId() {
        return "job_" + randomHex(10);
    }

    public static String demoId() {
        return "demo_" + randomHex(8);
    }

    /** The public id of an API key (random: it says nothing about the key). */
    public static String keyId() {
        return "key_" + randomHex(8);
    }

    public static String messageId() {
        return Long.toUnsignedString(RANDOM.nextLong() >>> 1);
    }

    /** Lower-case hex SHA-256 of the UTF-8 text: the lookup id of a secret (API key, share token) or of content. */
    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isWellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }

    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
