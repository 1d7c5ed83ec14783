package com.capidemo.core.worker;

import java.util.Optional;

/**
 * A worker's judgement of a failed attempt: give the job up, release it for another attempt, or hand it back to wait
 * without using an attempt.
 */
public sealed interface FailureVerdict {

    /** Retrying cannot help (bad definition, unknown template): fail the job, and its demo, with {@code reason}. */
    record Permanent(String reason) implements FailureVerdict {}

    /**
     * Another attempt may pass: release the lease with the WARN log line {@code retryNote}. When
     * {@code reasonOnceExhausted} is present and the job has used its {@link JobRunner#MAX_JOB_ATTEMPTS}, the job fails
     * with that reason instead; when empty, the queue's own attempt limit ends the retries.
     */
    record Transient(String retryNote, Optional<String> reasonOnceExhausted) implements FailureVerdict {}

    /**
     * Nothing failed: the work was paced out (a quota has no room for it now) and the job goes back to its queue to be
     * delivered again after a wait. The lease is released with the log line {@code note} and the attempt the claim
     * counted is taken back ({@link com.capidemo.core.port.JobStore#releaseDeferred}), so however often a job waits,
     * it keeps all of its {@link JobRunner#MAX_JOB_ATTEMPTS} for real failures. What bounds the waiting is the
     * worker's business (it judges {@link Permanent} once it has waited too long).
     */
    record Deferred(String note) implements FailureVerdict {}

    static FailureVerdict permanent(String reason) {
        return new Permanent(reason);
    }

    /** Retry up to the runner's attempt limit, then fail with {@code reasonOnceExhausted}. */
    static FailureVerdict retry(String retryNote, String reasonOnceExhausted) {
        return new Transient(retryNote, Optional.of(reasonOnceExhausted));
    }

    /** Paced out, not failed: hand the job back to its queue without using an attempt. */
    static FailureVerdict deferred(String note) {
        return new Deferred(note);
    }

    /** Retry for as long as the queue redelivers. */
    static FailureVerdict retryWhileRedelivered(String retryNote) {
        return new Transient(retryNote, Optional.empty());
    }
}
