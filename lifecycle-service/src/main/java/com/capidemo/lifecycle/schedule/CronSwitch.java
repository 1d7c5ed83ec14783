package com.capidemo.lifecycle.schedule;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.lifecycle.config.LifecycleConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Whether the in-process crons run: platform.lifecycle.cron.enabled, which defaults to on in platform.mode=local and
 * off in gcp mode, where Cloud Scheduler calls the same endpoints (two schedulers would only repeat idempotent work).
 */
@Singleton
public class CronSwitch implements Scheduled.SkipPredicate {

    private final boolean enabled;

    public CronSwitch(LifecycleConfig lifecycle, PlatformConfig platform) {
        this.enabled = enabled(lifecycle.cron().enabled().orElse(null), platform.mode());
    }

    static boolean enabled(Boolean configured, String mode) {
        return configured != null ? configured : "local".equals(mode);
    }

    void onStart(@Observes StartupEvent event) {
        Log.infof(
                "lifecycle crons %s",
                enabled
                        ? "on (platform.lifecycle.cron.*, UTC)"
                        : "off (platform.lifecycle.cron.enabled=false or gcp mode: Cloud Scheduler calls /api/admin/*)");
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}
