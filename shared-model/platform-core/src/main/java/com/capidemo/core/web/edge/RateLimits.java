package com.capidemo.core.web.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;

/**
 * A rate limit per key on Bucket4j token buckets: each key has a bucket of {@code limit} tokens, refilled evenly over
 * {@code window} (so at most {@code limit} at once, and {@code limit} per window in the long run). Taking a token is
 * one atomic step of the bucket, so concurrent callers never take more than there are. Time comes from the injected
 * {@link Clock}, so tests move it by hand. Keys live in a bounded cache: a flood of distinct keys cannot grow memory
 * without limit (an evicted key starts again with a full bucket, which only ever lets more through, never less).
 *
 * <p>Buckets are per process. Where several instances of a service run, {@link #perInstance(int, int)} divides a
 * limit by the configured instance count so that the limit holds for the service as a whole.
 */
public final class RateLimits {

    private static final long MAX_KEYS = 100_000;

    private final int limit;
    private final Duration window;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public RateLimits(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 event per window");
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a positive window");
        }
        this.limit = limit;
        this.window = window;
        this.time = timeOf(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(window.compareTo(Duration.ofMinutes(10)) > 0 ? window : Duration.ofMinutes(10))
                .build();
    }

    /** Bucket4j's time read from the injected Clock, so that tests move a test clock instead of sleeping. */
    public static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /**
     * The share of {@code limit} that one of {@code instances} instances may allow, so that all of them together allow
     * at most {@code limit} (at least 1 each: then the service as a whole allows at most {@code instances}).
     */
    public static int perInstance(int limit, int instances) {
        return Math.max(1, limit / Math.max(1, instances));
    }

    public int limit() {
        return limit;
    }

    /**
     * Takes one token of {@code key}'s bucket.
     *
     * @return 0 when it was taken, else the milliseconds until one is there (nothing is taken then)
     */
    public long take(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999) / 1_000_000);
    }

    /** Puts back a token taken by {@link #take} whose event did not happen after all (never above the limit). */
    public void giveBack(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /** The milliseconds until {@code key}'s bucket has a token again; 0 when it has one now. Takes nothing. */
    public long waitFor(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return 0;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return nanos <= 0 ? 0 : Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    private Bucket bucket(String key) {
        return buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(b -> b.capacity(limit).refillGreedy(limit, window))
                        .withCustomTimePrecision(time)
                        .build());
    }
}
