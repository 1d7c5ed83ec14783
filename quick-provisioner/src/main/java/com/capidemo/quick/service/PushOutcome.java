package com.capidemo.quick.service;

/** How a push delivery is answered: ack (2xx) or a retryable refusal (non-2xx → redelivery). */
public enum PushOutcome {
    /** Work done (or nothing left to do): acknowledge. */
    ACK(200),
    /** Come back later: another worker holds the job's lease, or a transient error happened. */
    RETRY(503);

    private final int httpStatus;

    PushOutcome(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
