package com.capidemo.shared.adapter.gcp;

import com.google.api.gax.retrying.RetrySettings;
import java.time.Duration;

/**
 * Retry settings for the HTTP google-cloud clients (BigQuery, Cloud Storage). The adapters hand-roll no retry
 * loop: the clients already retry what is safe to retry (BigQuery: rateLimitExceeded, backendError, 5xx; job inserts
 * re-sent with the same job id; insertAll only when every row has an insertId. Storage: idempotent calls only) with
 * exponential backoff. The CDI producer that builds the clients should pass these settings to
 * {@code BigQueryOptions.newBuilder().setRetrySettings(..)} / {@code StorageOptions.http().setRetrySettings(..)},
 * so the limits are explicit instead of the library's defaults.
 */
public final class GcpRetry {

    private GcpRetry() {
    }

    /** Exponential backoff from {@code initialDelay}, at most {@code maxAttempts} attempts within {@code totalTimeout}. */
    public static RetrySettings settings(int maxAttempts, Duration initialDelay, Duration totalTimeout) {
        return RetrySettings.newBuilder()
                .setMaxAttempts(maxAttempts)
                .setInitialRetryDelayDuration(initialDelay)
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(Duration.ofSeconds(10))
                .setTotalTimeoutDuration(totalTimeout)
                .setInitialRpcTimeoutDuration(totalTimeout)
                .setRpcTimeoutMultiplier(1.0)
                .setMaxRpcTimeoutDuration(totalTimeout)
                .setJittered(true)
                .build();
    }

    /** Production defaults: 5 attempts from 500 ms within 60 s. */
    public static RetrySettings defaults() {
        return settings(5, Duration.ofMillis(500), Duration.ofSeconds(60));
    }
}
