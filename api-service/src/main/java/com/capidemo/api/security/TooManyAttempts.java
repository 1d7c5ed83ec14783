package com.capidemo.api.security;

import com.capidemo.core.web.ApiProblem;
import java.time.Duration;

/** 429: too many wrong attempts; answered with Retry-After in whole seconds (see {@link TooManyAttemptsMapper}). */
public class TooManyAttempts extends ApiProblem {

    private final long retryAfterSeconds;

    public TooManyAttempts(String detail, Duration retryAfter) {
        super(429, "too-many-attempts", "Too many attempts", detail);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
