package com.capidemo.core.worker;

import com.capidemo.core.pipeline.PipelineException;

/**
 * The one failure taxonomy of every worker (quick, clone, custom and pipeline jobs): whether a failed attempt is worth
 * another one.
 * <ul>
 * <li>{@link #PERMANENT}: a {@link PermanentJobFailure}, a {@link PipelineException} (a definition that cannot run),
 * an {@link IllegalArgumentException} (bad input, SQL or data) or an {@link IllegalStateException} (a state that
 * another attempt meets again);</li>
 * <li>{@link #RETRYABLE}: a {@link RetryableJobFailure} and everything else (I/O, store and transport failures).</li>
 * </ul>
 * A cause wrapped in a {@link RetryableJobFailure} or {@link PermanentJobFailure} is judged by the wrapper.
 */
public enum FailureKind {
    PERMANENT,
    RETRYABLE;

    public static FailureKind of(Throwable failure) {
        if (failure instanceof RetryableJobFailure) {
            return RETRYABLE;
        }
        if (failure instanceof PermanentJobFailure
                || failure instanceof PipelineException
                || failure instanceof IllegalArgumentException
                || failure instanceof IllegalStateException) {
            return PERMANENT;
        }
        return RETRYABLE;
    }

    public static boolean isPermanent(Throwable failure) {
        return of(failure) == PERMANENT;
    }
}
