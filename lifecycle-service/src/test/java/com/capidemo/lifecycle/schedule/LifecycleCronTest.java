package com.capidemo.lifecycle.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The local schedule: cleanup 02:00, warnings 09:00, metrics 00:00 UTC from configuration; on in local mode, off in gcp mode unless set. */
@QuarkusTest
class LifecycleCronTest {

    @Inject
    Scheduler scheduler;

    @Test
    void cleanupRunsAtTwoWarningsAtNineAndTheMetricsExportAtMidnightUtc() {
        assertThat(nextFire("lifecycle-cleanup"))
                .satisfies(t -> assertThat(t.getHour()).isEqualTo(2));
        assertThat(nextFire("lifecycle-send-warnings"))
                .satisfies(t -> assertThat(t.getHour()).isEqualTo(9));
        assertThat(nextFire("lifecycle-export-metrics"))
                .satisfies(t -> assertThat(t.getHour()).isEqualTo(0));
        for (String job : new String[] {"lifecycle-cleanup", "lifecycle-send-warnings", "lifecycle-export-metrics"}) {
            assertThat(nextFire(job).getMinute()).isZero();
            assertThat(nextFire(job).getSecond()).isZero();
        }
    }

    @Test
    void theCronsAreOnInLocalModeAndOffInGcpModeUnlessConfigured() {
        assertThat(CronSwitch.enabled(null, "local")).isTrue();
        assertThat(CronSwitch.enabled(null, "gcp")).isFalse();
        assertThat(CronSwitch.enabled(true, "gcp")).isTrue();
        assertThat(CronSwitch.enabled(false, "local")).isFalse();
    }

    private ZonedDateTime nextFire(String identity) {
        Trigger trigger = scheduler.getScheduledJob(identity);
        assertThat(trigger).as(identity).isNotNull();
        Instant next = trigger.getNextFireTime();
        return next.atZone(ZoneOffset.UTC);
    }
}
