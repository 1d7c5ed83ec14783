package com.capidemo.custom.service;

import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.adapter.Port;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.port.ChatQuotaExhaustedException;
import com.capidemo.core.web.edge.RateLimits;
import com.capidemo.core.worker.Sleeper;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps readiness scoring under its share of the Conversational Analytics chat quota (chat requests per minute per
 * project, shared with every user's chat): each golden question takes one permit of a Bucket4j bucket that refills
 * {@link #perMinute} permits a minute, evenly (one permit at a time, so no burst ever exceeds the rate). A question
 * waits for its permit up to {@code platform.readiness.permit-wait}; when none comes in time the scoring stops with a
 * {@link ChatQuotaExhaustedException} and its task is answered "retry later". With the local agent (no quota) every
 * permit is granted at once. Time comes from the injected {@link Clock}, waiting from a {@link Sleeper}, so tests move
 * a clock instead of sleeping.
 */
@ApplicationScoped
public class ReadinessPacer {

    private final boolean paced;
    private final int perMinute;
    private final Duration permitWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Bucket bucket;

    @Inject
    public ReadinessPacer(PlatformConfig config, AdapterSelection selection, Clock clock) {
        this(
                !selection.isLocal(Port.AGENTS),
                perMinute(
                        config.gcp().chatQuotaPerMinute(),
                        config.readiness().quotaShare(),
                        config.readiness().instances()),
                config.readiness().permitWait(),
                clock,
                Sleeper.THREAD);
    }

    public ReadinessPacer(boolean paced, int perMinute, Duration permitWait, Clock clock, Sleeper sleeper) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("readiness needs at least one chat request per minute");
        }
        if (permitWait.isNegative()) {
            throw new IllegalArgumentException("platform.readiness.permit-wait must not be negative");
        }
        this.paced = paced;
        this.perMinute = perMinute;
        this.permitWait = permitWait;
        this.clock = clock;
        this.sleeper = sleeper;
        this.bucket = Bucket.builder()
                .addLimit(limit ->
                        limit.capacity(1).refillGreedy(1, Duration.ofMinutes(1).dividedBy(perMinute)))
                .withCustomTimePrecision(RateLimits.timeOf(clock))
                .build();
    }

    /**
     * The chat requests per minute one instance may spend on readiness: {@code quota × share}, divided by the number of
     * instances that score at once so that together they stay within the share (rounded down, and at least 1).
     */
    public static int perMinute(int quotaPerMinute, double share, int instances) {
        if (quotaPerMinute < 1) {
            throw new IllegalArgumentException("platform.gcp.chat-quota-per-minute must be at least 1");
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("platform.readiness.quota-share must be above 0 and at most 1");
        }
        if (instances < 1) {
            throw new IllegalArgumentException("platform.readiness.instances must be at least 1");
        }
        return Math.max(1, (int) Math.floor(quotaPerMinute * share / instances));
    }

    public int perMinute() {
        return perMinute;
    }

    /**
     * Takes one permit for one chat request, waiting for it up to the permit wait.
     *
     * @throws ChatQuotaExhaustedException when no permit comes within the wait (nothing is taken then); its retry-after
     *                                     is when the next permit is due
     */
    public void acquire() {
        if (!paced) {
            return;
        }
        Instant giveUpAt = clock.instant().plus(permitWait);
        while (true) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return;
            }
            Duration due = Duration.ofNanos(probe.getNanosToWaitForRefill());
            if (clock.instant().plus(due).isAfter(giveUpAt)) {
                throw new ChatQuotaExhaustedException(
                        "readiness' share of the chat quota (" + perMinute + " requests a minute on this instance) has"
                                + " no permit within " + permitWait.toSeconds() + " s",
                        due);
            }
            sleeper.sleep(due);
        }
    }
}
