package com.capidemo.lifecycle.service;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.LifecycleRun;
import com.capidemo.core.domain.Notification;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.NotificationStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Warns each owner whose demo will be archived within warn-before (7 days): one notification per demo per archival
 * cycle. The notification id is derived from the demo and the last_used the warning was computed from, so a second run
 * (or one at the same time) stores nothing new, while a demo used again and later idle again is warned again. The
 * stored notification is the local delivery (GET /api/notifications); {@link NotificationDelivery} then publishes the
 * pending ones on topic demo-notifications.
 */
@ApplicationScoped
public class ExpiryWarnings {

    public static final String KIND = "send-warnings";

    private final DemoStore demos;
    private final NotificationStore notifications;
    private final NotificationDelivery delivery;
    private final LifecyclePolicy policy;
    private final RunRecorder runs;
    private final MeterRegistry metrics;

    public ExpiryWarnings(
            DemoStore demos,
            NotificationStore notifications,
            NotificationDelivery delivery,
            LifecyclePolicy policy,
            RunRecorder runs,
            MeterRegistry metrics) {
        this.demos = demos;
        this.notifications = notifications;
        this.delivery = delivery;
        this.policy = policy;
        this.runs = runs;
        this.metrics = metrics;
    }

    @WithSpan("lifecycle.warnings")
    public WarningsReport run(String trigger) {
        LifecycleRun run = runs.run(KIND, trigger, now -> {
            long[] sent = {0};
            DemoPages.forEach(
                    after -> demos.scanReadyUnused(policy.warnCutoff(now), after, policy.pageSize()),
                    Demo::lastUsed,
                    demo -> {
                        if (demo.onTemplateDataset(policy.templateDatasetPrefix())
                                || demo.createdBy() == null
                                || demo.createdBy().isBlank()) {
                            return;
                        }
                        if (notifications.add(warning(demo, now))) {
                            sent[0]++;
                            Log.infof("warned %s that demo %s will be archived", demo.createdBy(), demo.demoId());
                        }
                    });
            NotificationDelivery.Delivered delivered = delivery.deliverPending();
            metrics.counter("lifecycle.warnings", "result", "sent").increment(sent[0]);
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("warnings_sent", sent[0]);
            counts.put("delivered", delivered.delivered());
            counts.put("delivery_errors", delivered.errors());
            return counts;
        });
        Map<String, Long> c = run.counts();
        return new WarningsReport(
                c.get("warnings_sent"),
                c.get("delivered"),
                c.get("delivery_errors"),
                run.finishedAt(),
                run.durationMs(),
                run.runId());
    }

    Notification warning(Demo demo, Instant now) {
        Instant archiveOn = demo.lastUsed().plus(policy.archiveAfter());
        long days = Math.max(
                0,
                policy.archiveAfter().toDays()
                        - Duration.between(demo.lastUsed(), now).toDays());
        String name =
                demo.customerName() == null || demo.customerName().isBlank() ? demo.demoId() : demo.customerName();
        String message = String.format(
                "Your demo '%s' has not been used since %s and will be archived on %s (in %d "
                        + "day%s) unless it is used or pinned before then. An archived demo can be restored; %d days "
                        + "after archival it is deleted.",
                name,
                day(demo.lastUsed()),
                day(archiveOn),
                days,
                days == 1 ? "" : "s",
                policy.deleteAfter().toDays());
        return new Notification(
                Notification.archiveWarningId(demo.demoId(), demo.lastUsed()),
                demo.tenantId(),
                demo.createdBy(),
                demo.demoId(),
                Notification.ARCHIVE_WARNING,
                name,
                message,
                archiveOn,
                now,
                null);
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
