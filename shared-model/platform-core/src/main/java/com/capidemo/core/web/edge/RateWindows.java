package com.capidemo.core.web.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.faulttolerance.core.rate.limit.TimeWindow;
import io.smallrye.faulttolerance.core.stopwatch.Stopwatch;
import java.time.Clock;
import java.time.Duration;

/**
 * A rate limit per key: SmallRye Fault Tolerance's rolling time window (the implementation behind
 * {@code @RateLimit}), one per key, timed by the injected {@link Clock} so tests move time by hand. Keys are kept
 * in a bounded cache, so a flood of distinct keys cannot grow memory without limit.
 */
public final class RateWindows {

    private static final long MAX_KEYS = 100_000;

    private final int limit;
    private final long windowMillis;
    private final Stopwatch stopwatch;
    private final Cache<String, TimeWindow> windows;

    public RateWindows(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 event per window");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.stopwatch = () -> {
            long start = clock.millis();
            return () -> clock.millis() - start;
        };
        this.windows = Caffeine.newBuilder().maximumSize(MAX_KEYS)
                .expireAfterAccess(Duration.ofMillis(Math.max(windowMillis, Duration.ofMinutes(10).toMillis())))
                .build();
    }

    /**
     * Counts one event for {@code key}.
     *
     * @return 0 when it is within the limit, else the milliseconds until the window has room again (the event is
     *     then not counted)
     */
    public long record(String key) {
        return windows.get(key, k -> TimeWindow.createRolling(stopwatch, limit, windowMillis, 0)).record();
    }
}
