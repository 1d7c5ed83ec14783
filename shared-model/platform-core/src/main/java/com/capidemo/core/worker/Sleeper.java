package com.capidemo.core.worker;

import java.time.Duration;

/** Waits real time (for another worker's lease to run out); tests pass one that moves their clock instead. */
@FunctionalInterface
public interface Sleeper {

    /** The thread sleeps; an interrupt ends the wait with an {@link IllegalStateException}. */
    Sleeper THREAD = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    };

    void sleep(Duration duration);
}
