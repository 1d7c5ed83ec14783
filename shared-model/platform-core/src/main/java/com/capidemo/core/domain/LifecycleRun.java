package com.capidemo.core.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One run of a lifecycle job (cleanup, send-warnings, export-metrics): who started it ({@code trigger}: http or
 * cron), when, how long it took, what it counted and, when it failed, why. A run that has not ended is
 * {@link #RUNNING} (no finish time); one that never ended by its deadline (its process stopped mid-run) is
 * {@link #ABANDONED}.
 */
public record LifecycleRun(
        String runId,
        String kind,
        String trigger,
        Instant startedAt,
        Instant finishedAt,
        long durationMs,
        String outcome,
        Map<String, Long> counts,
        String error) {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String RUNNING = "running";
    public static final String ABANDONED = "abandoned";
}
