package com.capidemo.lifecycle.service;

import com.capidemo.core.domain.LifecycleRun;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daily cleanup: archive unused demos, delete long-archived ones, drop temporary and leftover
 * datasets, and fail the jobs their queue gave up on ({@link AbandonedJobs}), in that order and all at the run's start
 * time. Safe to repeat and to run twice at once: every step is a
 * per-demo conditional write or a drop that reports whether it dropped.
 */
@ApplicationScoped
public class Cleanup {

    public static final String KIND = "cleanup";

    private final Archival archival;
    private final Deletion deletion;
    private final LeftoverDatasets leftovers;
    private final AbandonedJobs abandonedJobs;
    private final RunRecorder runs;
    private final MeterRegistry metrics;

    public Cleanup(
            Archival archival,
            Deletion deletion,
            LeftoverDatasets leftovers,
            AbandonedJobs abandonedJobs,
            RunRecorder runs,
            MeterRegistry metrics) {
        this.archival = archival;
        this.deletion = deletion;
        this.leftovers = leftovers;
        this.abandonedJobs = abandonedJobs;
        this.runs = runs;
        this.metrics = metrics;
    }

    @WithSpan("lifecycle.cleanup")
    public CleanupReport run(String trigger) {
        LifecycleRun run = runs.run(KIND, trigger, now -> {
            PhaseResult archived = archival.run(now);
            PhaseResult deleted = deletion.run(now);
            PhaseResult dropped = leftovers.run(now);
            PhaseResult abandoned = abandonedJobs.run(now);
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("archived", archived.count());
            counts.put("deleted", deleted.count());
            counts.put("temp_datasets_dropped", dropped.count());
            counts.put("jobs_failed", abandoned.count());
            counts.put("errors", archived.errors() + deleted.errors() + dropped.errors() + abandoned.errors());
            counts.forEach(
                    (k, v) -> metrics.counter("lifecycle.cleanup", "result", k).increment(v));
            return counts;
        });
        Map<String, Long> c = run.counts();
        return new CleanupReport(
                c.get("archived"),
                c.get("deleted"),
                c.get("temp_datasets_dropped"),
                c.getOrDefault("jobs_failed", 0L),
                c.get("errors"),
                run.finishedAt(),
                run.durationMs(),
                run.runId());
    }
}
