package com.capidemo.gcp;

import com.google.api.client.http.HttpResponseException;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.BaseService;
import com.google.cloud.BaseServiceException;
import com.google.cloud.ExceptionHandler;
import com.google.cloud.ExceptionHandler.Interceptor;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Retry configuration for the HTTP google-cloud clients (BigQuery, Cloud Storage). The adapters hand-roll no retry
 * loop: the clients retry, with exponential backoff, the calls they know are safe (BigQuery: reads, deletes, job
 * inserts re-sent with the same job id, insertAll when every row has an insertId; Storage: idempotent calls only).
 *
 * <p>The CDI producer that builds the clients should set, explicitly:
 * <pre>
 * BigQueryOptions.newBuilder().setRetrySettings(GcpRetry.defaults())
 *         .setResultRetryAlgorithm(GcpRetry.bigQueryErrors())...
 * StorageOptions.http().setRetrySettings(GcpRetry.defaults())...
 * </pre>
 */
public final class GcpRetry {

    private GcpRetry() {}

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

    /**
     * Which BigQuery errors to retry: connection failures (the client's default) plus HTTP 5xx and 429. The
     * client's default handler leaves 5xx out since its calls stopped translating HTTP errors before the retry
     * decision (googleapis/google-cloud-java#12885: a 503 is not retried), so a backendError would fail at once.
     * Runtime exceptions still abort; which calls are retried at all is the client's choice (see above).
     */
    public static ExceptionHandler bigQueryErrors() {
        return ExceptionHandler.newBuilder()
                .abortOn(RuntimeException.class)
                .retryOn(ConnectException.class, UnknownHostException.class, SocketException.class)
                .addInterceptors(BaseService.EXCEPTION_HANDLER_INTERCEPTOR, TRANSIENT_HTTP)
                .build();
    }

    private static final Interceptor TRANSIENT_HTTP = new Interceptor() {
        private static final long serialVersionUID = 1L;

        @Override
        public RetryResult beforeEval(Exception e) {
            int code = e instanceof HttpResponseException h
                    ? h.getStatusCode()
                    : e instanceof BaseServiceException b ? b.getCode() : 0;
            return code >= 500 || code == 429 ? RetryResult.RETRY : RetryResult.CONTINUE_EVALUATION;
        }

        @Override
        public RetryResult afterEval(Exception e, RetryResult result) {
            return RetryResult.CONTINUE_EVALUATION;
        }
    };
}
