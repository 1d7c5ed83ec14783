package com.capidemo.core.domain;

import java.time.Instant;

/** Who is working on a running job and until when; the worker renews it while it works. */
public record Lease(String owner, Instant expiresAt) {
    public boolean isLiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
