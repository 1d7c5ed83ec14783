package com.capidemo.custom.service;

/** How a task request ends: 200 finishes the task; 503 makes the queue retry it with backoff. */
public enum TaskOutcome {
    DONE(200), RETRY(503);

    private final int httpStatus;

    TaskOutcome(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
