package com.capidemo.core.worker;

import java.util.Optional;

/** A worker's judgement of a failed attempt: give the job up, or release it for another attempt. */
public sealed interface FailureVerdict {

    /** Retrying cannot help (bad definition, unknown template): fail the job, and its demo, with {@code reason}. */
    record Permanent(String reason) implements FailureVerdict {}

    /**
     * Another attempt may pass: release the lease with the WARN log line {@code retryNote}. When
     * {@code reasonOnceExhausted} is present and the job has used its {@link JobRunner#MAX_JOB_ATTEMPTS}, the job fails
     * with that reason instead; when empty, the queue's own attempt limit ends the retries.
     */
    record Transient(String retryNote, Optional<String> reasonOnceExhausted) implements FailureVerdict {}

    static FailureVerdict permanent(String reason) {
        return new Permanent(reason);
    }

    /** Retry up to the runner's attempt limit, then fail with {@code reasonOnceExhausted}. */
    static FailureVerdict retry(String retryNote, String reasonOnceExhausted) {
        return new Transient(retryNote, Optional.of(reasonOnceExhausted));
    }

    /** Retry for as long as the queue redelivers. */
    static FailureVerdict retryWhileRedelivered(String retryNote) {
        return new Transient(retryNote, Optional.empty());
    }
}
