package com.capidemo.core.port;

import java.time.Duration;

/**
 * The chat quota is used up for now: the Conversational Analytics API answered RESOURCE_EXHAUSTED (its per-project
 * chat requests per minute), or readiness scoring found no permit of its share of that quota within its wait. Nothing
 * is wrong with the question or the agent: asking again after {@link #retryAfter()} may succeed. Readiness scoring
 * retries the whole job later instead of counting the question as failed, the breaker guarding chat does not count it,
 * and a user's chat is answered 503 with Retry-After.
 */
public class ChatQuotaExhaustedException extends RuntimeException {

    private final Duration retryAfter;

    public ChatQuotaExhaustedException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    public ChatQuotaExhaustedException(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    /** How long to wait before asking again (at least a second when read as a Retry-After header). */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait as whole seconds, at least 1: the value of a Retry-After header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
