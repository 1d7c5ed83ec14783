package com.capidemo.core.worker;

/**
 * How a worker answers one delivery of a job (a Pub/Sub push, a Cloud Tasks request): each resource maps it to its
 * HTTP status and word.
 */
public enum DeliveryOutcome {
    /** Nothing is left for this delivery to do (work done, job finished or unknown): answer 2xx. */
    DONE,
    /** Come back later (another worker holds the lease, or a transient error released it): answer 503. */
    RETRY
}
