package com.capidemo.design;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Randomness derived only from the inputs, so the local designer gives identical output for identical briefs. */
final class Seeds {

    private Seeds() {}

    static Random random(String... parts) {
        byte[] digest = digest(parts);
        long seed = 0;
        for (int i = 0; i < 8; i++) {
            seed = (seed << 8) | (digest[i] & 0xff);
        }
        return new Random(seed);
    }

    /**
     * The inputs as a hex digest: what generated SQL may carry instead of the inputs themselves, so a customer's name
     * (user text) never becomes part of a statement.
     */
    static String hex(String... parts) {
        return HexFormat.of().formatHex(digest(parts), 0, 16);
    }

    private static byte[] digest(String... parts) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** A seeded shuffle that leaves {@code items} untouched. */
    static <T> List<T> shuffled(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }
}
