package com.capidemo.core.worker;

import com.capidemo.core.domain.Job;
import io.micrometer.core.instrument.Tags;

/**
 * What one kind of worker does with a job it holds the lease of; {@link JobRunner} does everything around it (claim,
 * complete, fail or release, MDC, metrics, the delivery's answer).
 */
public interface JobWork {

    /** The {@code type} and {@code template} tags of the job's provision.duration and provision.count. */
    Tags metricTags(Job job);

    /**
     * Does the job's work. Throws {@link com.capidemo.core.service.LeaseLostException} when the lease is gone, any
     * other exception for a failed attempt (judged by {@link #judge}).
     */
    Completion perform(Job job);

    /** Whether a failed attempt is worth another one. */
    FailureVerdict judge(Job job, RuntimeException failure);

    /**
     * Whether a job leased by another worker is waited for (that worker may have died; up to two lease periods) rather
     * than refused at once.
     */
    default boolean waitsForStaleLease() {
        return false;
    }

    /** A redelivery found the job completed or failed already. */
    default void finishedEarlier(Job job) {}

    /** The job was completed by this worker. */
    default void completed(Job job) {}

    /** The job was failed by this worker (its demo is marked failed already). */
    default void failed(Job job, String reason) {}
}
