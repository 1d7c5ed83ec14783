package com.capidemo.core.port;

import com.capidemo.core.domain.Job;

/** What happened when a worker tried to claim a job. */
public record ClaimOutcome(Kind kind, Job job) {
    public enum Kind {
        /** The caller now holds the lease and must do the work. */
        CLAIMED,
        /** The job is completed or failed: the message is acked and ignored. */
        ALREADY_FINISHED,
        /** Another worker holds a live lease: answer a retryable error so the message comes back. */
        LEASED_BY_OTHER,
        /** No such job. */
        NOT_FOUND
    }

    public static ClaimOutcome of(Kind kind, Job job) {
        return new ClaimOutcome(kind, job);
    }
}
