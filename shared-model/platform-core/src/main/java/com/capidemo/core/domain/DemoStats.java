package com.capidemo.core.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts over one user's demos that are not deleted: all of them, those created since a given time, the pinned ones,
 * per status and per template ({@code custom} for demos without a template). Counted by the store, never by loading
 * demos. {@code oldestSince} is the creation time of the oldest demo counted in {@code createdSince}: the count stays
 * the same, while the demos are unchanged, until that demo is older than the window; null when none is counted or the
 * store does not say.
 */
public record DemoStats(
        long total,
        long createdSince,
        long pinned,
        Map<String, Long> byStatus,
        Map<String, Long> byTemplate,
        Instant oldestSince) {

    /** The by_template key of demos designed for one customer (no template). */
    public static final String CUSTOM = "custom";

    /** A by_status map with every status a counted demo can have, at zero. */
    public static Map<String, Long> liveStatuses() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (DemoStatus s : DemoStatus.values()) {
            if (s != DemoStatus.DELETED) {
                m.put(s.wire(), 0L);
            }
        }
        return m;
    }
}
