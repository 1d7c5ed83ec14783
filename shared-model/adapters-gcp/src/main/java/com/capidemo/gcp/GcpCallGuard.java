package com.capidemo.gcp;

import com.capidemo.core.port.ChatQuotaExhaustedException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * SmallRye Fault Tolerance around the calls our gcp adapters make, one method (and so one circuit breaker) per Google
 * service, so a failing KMS cannot open BigQuery's breaker. The clients already retry transient RPC errors within one
 * call; these retries cover a call that failed as a whole, and only where repeating it is safe: every warehouse,
 * storage, KMS and data-agent operation is idempotent (fixed job ids, WRITE_TRUNCATE, insertIds, stable agent ids).
 * Chat and LLM calls are not retried here (a chat turn is not idempotent; the Gen AI SDK retries on its own).
 * Errors that are the caller's (IllegalArgumentException: bad SQL, bad input) are neither retried nor counted.
 */
@ApplicationScoped
public class GcpCallGuard {

    @Retry(maxRetries = 2, delay = 500, jitter = 250, abortOn = IllegalArgumentException.class)
    @ExponentialBackoff
    @Timeout(value = 10, unit = ChronoUnit.MINUTES)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 30,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = IllegalArgumentException.class)
    public Object warehouse(Callable<Object> call) throws Exception {
        return call.call();
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 150, abortOn = IllegalArgumentException.class)
    @ExponentialBackoff
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 30,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = IllegalArgumentException.class)
    public Object objects(Callable<Object> call) throws Exception {
        return call.call();
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = IllegalArgumentException.class)
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 20,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = IllegalArgumentException.class)
    public Object crypto(Callable<Object> call) throws Exception {
        return call.call();
    }

    @Retry(maxRetries = 2, delay = 500, jitter = 250, abortOn = IllegalArgumentException.class)
    @Timeout(value = 3, unit = ChronoUnit.MINUTES)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 30,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = IllegalArgumentException.class)
    public Object agents(Callable<Object> call) throws Exception {
        return call.call();
    }

    /**
     * The breaker every user's chat goes through. A used-up chat quota ({@link ChatQuotaExhaustedException}) says
     * nothing about the service's health and passes outside the breaker: a burst of them (readiness scoring, one busy
     * tenant) never opens it for everyone.
     */
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 30,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = {IllegalArgumentException.class, ChatQuotaExhaustedException.class})
    public Object chat(Callable<Object> call) throws Exception {
        return call.call();
    }

    @Timeout(value = 15, unit = ChronoUnit.MINUTES)
    @CircuitBreaker(
            requestVolumeThreshold = 6,
            failureRatio = 0.5,
            delay = 60,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = IllegalArgumentException.class)
    public Object llm(Callable<Object> call) throws Exception {
        return call.call();
    }
}
