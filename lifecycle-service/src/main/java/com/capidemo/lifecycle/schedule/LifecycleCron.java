package com.capidemo.lifecycle.schedule;

import com.capidemo.core.web.ApiProblem;
import com.capidemo.lifecycle.service.Cleanup;
import com.capidemo.lifecycle.service.DemoMetrics;
import com.capidemo.lifecycle.service.ExpiryWarnings;
import com.capidemo.lifecycle.service.RunRecorder;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The local schedule (cleanup daily 02:00, warnings 09:00, metrics export 00:00, UTC), calling the same
 * services as the endpoints. A run still going when its next time comes is not started twice in this process; another
 * process running at once is safe anyway. A failed run is recorded and logged by {@link RunRecorder}.
 */
@ApplicationScoped
public class LifecycleCron {

    private final Cleanup cleanup;
    private final ExpiryWarnings warnings;
    private final DemoMetrics metrics;

    public LifecycleCron(Cleanup cleanup, ExpiryWarnings warnings, DemoMetrics metrics) {
        this.cleanup = cleanup;
        this.warnings = warnings;
        this.metrics = metrics;
    }

    @Scheduled(
            identity = "lifecycle-cleanup",
            cron = "${platform.lifecycle.cron.cleanup}",
            timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = CronSwitch.class)
    void cleanup() {
        quietly(() -> cleanup.run(RunRecorder.CRON));
    }

    @Scheduled(
            identity = "lifecycle-send-warnings",
            cron = "${platform.lifecycle.cron.warnings}",
            timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = CronSwitch.class)
    void sendWarnings() {
        quietly(() -> warnings.run(RunRecorder.CRON));
    }

    @Scheduled(
            identity = "lifecycle-export-metrics",
            cron = "${platform.lifecycle.cron.metrics}",
            timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = CronSwitch.class)
    void exportMetrics() {
        quietly(() -> metrics.export(RunRecorder.CRON));
    }

    /** The failure is already recorded and logged with its cause; the next scheduled time runs it again. */
    private static void quietly(Runnable run) {
        try {
            run.run();
        } catch (ApiProblem recorded) {
            // see RunRecorder
        }
    }
}
