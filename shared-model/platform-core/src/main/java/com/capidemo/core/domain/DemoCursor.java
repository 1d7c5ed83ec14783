package com.capidemo.core.domain;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in the demo list, which is ordered by (created_at DESC, demo_id DESC): the next page holds the demos
 * after this one. Clients see it only as an opaque url-safe string.
 */
public record DemoCursor(Instant createdAt, String demoId) {

    private static final Pattern FORM = Pattern.compile("v1\\.(-?\\d{1,19})\\.(\\d{1,9})\\.([A-Za-z0-9_]{1,64})");

    public String encode() {
        String plain = "v1." + createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + demoId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a string encodes; empty when it is not one this API made. */
    public static Optional<DemoCursor> decode(String encoded) {
        if (encoded == null || encoded.length() > 200) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            Matcher m = FORM.matcher(plain);
            if (!m.matches()) {
                return Optional.empty();
            }
            return Optional.of(new DemoCursor(
                    Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))), m.group(3)));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
