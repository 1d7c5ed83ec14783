package com.capidemo.lifecycle.service;

import com.capidemo.core.domain.Notification;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.EventPublisher;
import com.capidemo.core.port.NotificationStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Publishes stored notifications that have not gone out yet on topic demo-notifications (Pub/Sub in gcp mode, where an
 * email sender subscribes; the local events table otherwise) and marks each delivered. The store is the outbox: a
 * notification whose publish failed goes out on the next run, one whose process died before marking it once its
 * five-minute delivery lease ran out (at least once; the notification id is the message's event_id to deduplicate
 * by). Two runs at once publish each notification once: a run publishes only what it claimed.
 */
@ApplicationScoped
public class NotificationDelivery {

    /** How long a run holds the right to publish one notification before another run may take it over. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final NotificationStore notifications;
    private final EventPublisher events;
    private final LifecyclePolicy policy;
    private final Clock clock;

    public NotificationDelivery(
            NotificationStore notifications, EventPublisher events, LifecyclePolicy policy, Clock clock) {
        this.notifications = notifications;
        this.events = events;
        this.policy = policy;
        this.clock = clock;
    }

    public record Delivered(long delivered, long errors) {}

    /**
     * Delivers every pending notification this run can claim; stops at the first failed publish (the topic is likely
     * unavailable), and at a page where it could claim none (another run is delivering those).
     */
    public Delivered deliverPending() {
        long delivered = 0;
        while (true) {
            List<Notification> page = notifications.listUndelivered(policy.pageSize());
            long claimed = 0;
            for (Notification n : page) {
                Instant now = clock.instant();
                if (!notifications.claimDelivery(n.notificationId(), now, now.plus(LEASE))) {
                    continue; // delivered, or being delivered, by another run
                }
                claimed++;
                try {
                    events.publish(
                            EventPublisher.DEMO_NOTIFICATIONS,
                            n.notificationId(),
                            Map.of("kind", n.kind(), "tenant_id", n.tenantId(), "demo_id", n.demoId()),
                            Json.bytes(n));
                } catch (RuntimeException e) {
                    notifications.releaseDelivery(n.notificationId());
                    Log.warnf(
                            "could not publish notification %s; the next run retries: %s",
                            n.notificationId(), e.getMessage());
                    return new Delivered(delivered, 1);
                }
                notifications.markDelivered(n.notificationId(), clock.instant());
                delivered++;
            }
            if (claimed == 0) {
                return new Delivered(delivered, 0);
            }
        }
    }
}
