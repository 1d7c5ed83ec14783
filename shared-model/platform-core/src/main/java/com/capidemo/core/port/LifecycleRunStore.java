package com.capidemo.core.port;

import com.capidemo.core.domain.LifecycleRun;
import java.time.Instant;
import java.util.List;

/**
 * The record of lifecycle runs ({@code lifecycle_runs}): one row or document per cleanup, warnings or metrics run. A
 * run is recorded as {@code running} when it starts and replaced by its outcome when it ends, so a run whose process
 * died mid-way stays visible and is marked {@code abandoned} once its deadline has passed.
 */
public interface LifecycleRunStore {

    /** Records {@code run} (outcome {@code running}) as started, to be finished by {@code deadline}. */
    void started(LifecycleRun run, Instant deadline);

    /** Records the run's outcome, replacing its {@code running} (or {@code abandoned}) entry if there is one. */
    void record(LifecycleRun run);

    /**
     * Marks every run still {@code running} whose deadline is at or before {@code now} as {@code abandoned} with
     * {@code error}; returns how many it marked. Safe to call concurrently: each run is marked once.
     */
    int abandonOverdue(Instant now, String error);

    /** The most recent runs, newest first. */
    List<LifecycleRun> recent(int limit);
}
