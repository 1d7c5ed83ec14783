package com.capidemo.api.security;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.web.ApiProblem;
import com.capidemo.core.web.edge.EdgeConfig;
import com.capidemo.core.web.edge.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admission of share-link password checks, before any password is hashed. Two limits, both taken atomically:
 * <ul>
 * <li>per link, a token bucket of {@link #PER_MINUTE} tokens refilled evenly over a minute (5 at once, then one
 * every 12 s; timed by the injected {@link Clock}): a check takes a token first, so however many guesses arrive at
 * once, at most 5 are checked and the rest are 429 with Retry-After. A right password gives its token back, so the
 * link's viewers are not counted against it; a wrong one keeps it spent;</li>
 * <li>for the whole service, at most {@code platform.api.share-password-checks} checks (PBKDF2, about 0.25 s of one
 * core each; default 1) run at once: a check that finds them all busy is not run and is answered 503 with
 * Retry-After — its link token stays spent (an attempt is an attempt, checked or not), so a burst on one link still
 * ends after 5 — and a burst of guesses over many links can hold at most that many cores, never the worker pool.</li>
 * </ul>
 * Buckets are per instance; with {@code platform.edge.instances} = n each instance allows 5 / n (at least 1) a
 * minute per link, so all of them together allow at most max(5, n).
 */
@ApplicationScoped
public class ShareAttempts {

    public static final int PER_MINUTE = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final long BUSY_RETRY_SECONDS = 1;

    private final RateLimits perLink;
    private final Semaphore running;
    private final AtomicLong started = new AtomicLong();

    @Inject
    public ShareAttempts(Clock clock, EdgeConfig edge, PlatformConfig config) {
        this(clock, edge, config.api().sharePasswordChecks());
    }

    ShareAttempts(Clock clock, EdgeConfig edge, int concurrentChecks) {
        this.perLink = new RateLimits(RateLimits.perInstance(PER_MINUTE, edge.instances()), WINDOW, clock);
        this.running = new Semaphore(Math.max(1, concurrentChecks));
    }

    /** One admitted password check: run it, then close it (try-with-resources); {@link #passed()} if it matched. */
    public final class Check implements AutoCloseable {
        private final String linkKey;
        private boolean closed;

        private Check(String linkKey) {
            this.linkKey = linkKey;
        }

        /** The password was right: its token goes back to the link. */
        public void passed() {
            perLink.giveBack(linkKey);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                running.release();
            }
        }
    }

    /**
     * Admits one password check on the link, or refuses it before anything is hashed.
     *
     * @throws TooManyAttempts 429 when the link has no token left
     * @throws ApiProblem      503 when every check slot of the service is busy
     */
    public Check begin(String linkKey) {
        long wait = perLink.take(linkKey);
        if (wait > 0) {
            throw new TooManyAttempts(
                    "too many passwords tried for this share link; try again later", Duration.ofMillis(wait));
        }
        if (!running.tryAcquire()) {
            throw ApiProblem.serviceUnavailable(
                    "too many share-link passwords are being checked; retry shortly", BUSY_RETRY_SECONDS);
        }
        started.incrementAndGet();
        return new Check(linkKey);
    }

    /** Password checks admitted since start (each one PBKDF2 run). */
    public long checksStarted() {
        return started.get();
    }
}
