package com.capidemo.lifecycle.service;

import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.LifecycleRun;
import com.capidemo.core.port.LifecycleRunStore;
import com.capidemo.core.web.ApiProblem;
import com.capidemo.lifecycle.config.LifecycleConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.MDC;

/**
 * Runs one lifecycle job and records it as a {@code lifecycle_runs} entry (kind, trigger, start, end, duration,
 * counts, outcome) and a {@code lifecycle.run} timer. The rules are evaluated at the clock's time when the run starts.
 * A run that fails is recorded with its error and answered 503, so Cloud Scheduler retries it.
 *
 * <p>The run is recorded as {@code running} before its work starts, with a deadline of {@code
 * platform.lifecycle.run-timeout}: a run whose process is killed mid-way keeps that entry, and the next run of any
 * kind marks every such run past its deadline as {@code abandoned}.
 */
@ApplicationScoped
public class RunRecorder {

    public static final String HTTP = "http";
    public static final String CRON = "cron";

    private final LifecycleRunStore runs;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Duration runTimeout;

    @Inject
    public RunRecorder(LifecycleRunStore runs, Clock clock, MeterRegistry metrics, LifecycleConfig config) {
        this(runs, clock, metrics, config.runTimeout());
    }

    public RunRecorder(LifecycleRunStore runs, Clock clock, MeterRegistry metrics, Duration runTimeout) {
        if (runTimeout.isNegative() || runTimeout.isZero()) {
            throw new IllegalArgumentException("platform.lifecycle.run-timeout must be positive, not " + runTimeout);
        }
        this.runs = runs;
        this.clock = clock;
        this.metrics = metrics;
        this.runTimeout = runTimeout;
    }

    /** Runs {@code work} with the run's start time and returns the recorded run with the counts it returned. */
    public LifecycleRun run(String kind, String trigger, Function<Instant, Map<String, Long>> work) {
        String runId = "run_" + Ids.randomHex(8);
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        MDC.put("run_id", runId);
        try {
            abandonOverdue(started);
            recordStart(runId, kind, trigger, started);
            Map<String, Long> counts = work.apply(started);
            LifecycleRun run = finish(runId, kind, trigger, started, t0, LifecycleRun.COMPLETED, counts, null);
            Log.infof(
                    "lifecycle %s run %s (%s) completed in %d ms: %s", kind, runId, trigger, run.durationMs(), counts);
            return run;
        } catch (RuntimeException e) {
            Log.errorf(e, "lifecycle %s run %s (%s) failed", kind, runId, trigger);
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            finish(runId, kind, trigger, started, t0, LifecycleRun.FAILED, Map.of(), error);
            throw new ApiProblem(
                    503,
                    "lifecycle-run-failed",
                    "Lifecycle run failed",
                    "The " + kind + " run " + runId + " failed and was recorded; it is safe to run again");
        } finally {
            MDC.remove("run_id");
        }
    }

    private void recordStart(String runId, String kind, String trigger, Instant started) {
        try {
            runs.started(
                    new LifecycleRun(runId, kind, trigger, started, null, 0, LifecycleRun.RUNNING, Map.of(), null),
                    started.plus(runTimeout));
        } catch (RuntimeException e) {
            Log.errorf(e, "could not record the start of lifecycle run %s", runId);
        }
    }

    /** Marks the runs that never finished within the run timeout (their process stopped mid-run) as abandoned. */
    private void abandonOverdue(Instant now) {
        try {
            int abandoned = runs.abandonOverdue(
                    now,
                    "did not finish within platform.lifecycle.run-timeout (" + runTimeout + "); its process stopped");
            if (abandoned > 0) {
                Log.warnf("marked %d lifecycle run(s) that never finished as abandoned", abandoned);
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "could not mark unfinished lifecycle runs as abandoned");
        }
    }

    private LifecycleRun finish(
            String runId,
            String kind,
            String trigger,
            Instant started,
            long t0,
            String outcome,
            Map<String, Long> counts,
            String error) {
        long nanos = System.nanoTime() - t0;
        metrics.timer("lifecycle.run", "kind", kind, "outcome", outcome).record(nanos, TimeUnit.NANOSECONDS);
        LifecycleRun run = new LifecycleRun(
                runId,
                kind,
                trigger,
                started,
                clock.instant(),
                TimeUnit.NANOSECONDS.toMillis(nanos),
                outcome,
                counts,
                error);
        try {
            runs.record(run);
        } catch (RuntimeException e) {
            Log.errorf(e, "could not record lifecycle run %s", runId);
        }
        return run;
    }
}
