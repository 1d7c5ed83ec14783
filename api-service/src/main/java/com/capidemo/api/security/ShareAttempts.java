package com.capidemo.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong share-link passwords per link in a sliding minute: after {@link #MAX_WRONG} wrong ones the link answers 429
 * until the oldest of them is a minute old. Asked before any password is hashed, so a guesser cannot make the service
 * run PBKDF2 more than five times a minute per link. Time comes from the injected {@link Clock}. Held in memory (one
 * api-service instance counts its own attempts); entries without a recent failure are dropped.
 */
@ApplicationScoped
public class ShareAttempts {

    public static final int MAX_WRONG = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Past this many links with recent failures, stale entries are swept on the next failure. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public ShareAttempts(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before trying a password on this link again; empty when it may try now. */
    public Optional<Duration> retryAfter(String linkKey) {
        Deque<Instant> recent = failures.get(linkKey);
        if (recent == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (recent) {
            prune(recent, now);
            if (recent.size() < MAX_WRONG) {
                return Optional.empty();
            }
            Duration wait = Duration.between(now, recent.peekFirst().plus(WINDOW));
            return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
        }
    }

    public void wrongPassword(String linkKey) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_ABOVE) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(linkKey, k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, now);
            recent.addLast(now);
        }
    }

    private static void prune(Deque<Instant> recent, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.pollFirst();
        }
    }
}
