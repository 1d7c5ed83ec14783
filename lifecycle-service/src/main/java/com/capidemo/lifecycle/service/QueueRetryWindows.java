package com.capidemo.lifecycle.service;

import com.capidemo.core.domain.JobType;
import com.capidemo.lifecycle.config.LifecycleConfig;
import java.time.Duration;

/**
 * How long after a job is created its queue may still deliver it: {@code quick} for the Pub/Sub queue (quick and clone
 * jobs), {@code custom} for the Cloud Tasks queue (custom demos, pipeline runs and readiness jobs). See
 * {@link LifecycleConfig.RetryWindow}.
 */
public record QueueRetryWindows(Duration quick, Duration custom) {

    public QueueRetryWindows {
        if (quick.isNegative() || quick.isZero() || custom.isNegative() || custom.isZero()) {
            throw new IllegalArgumentException("platform.lifecycle.retry-window.quick and .custom must be positive");
        }
    }

    public static QueueRetryWindows from(LifecycleConfig config) {
        return new QueueRetryWindows(
                config.retryWindow().quick(), config.retryWindow().custom());
    }

    public static QueueRetryWindows defaults() {
        return new QueueRetryWindows(Duration.ofHours(2), Duration.ofHours(6));
    }

    public Duration of(JobType type) {
        return switch (type) {
            case QUICK, CLONE -> quick;
            case CUSTOM, PIPELINE, READINESS -> custom;
        };
    }

    public String queueOf(JobType type) {
        return switch (type) {
            case QUICK, CLONE -> "quick-job queue";
            case CUSTOM, PIPELINE, READINESS -> "custom-job queue";
        };
    }

    /** The shortest window: no job created after now minus this can be abandoned yet. */
    public Duration shortest() {
        return quick.compareTo(custom) <= 0 ? quick : custom;
    }
}
