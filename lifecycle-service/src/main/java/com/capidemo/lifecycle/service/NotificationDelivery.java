package com.capidemo.lifecycle.service;

import com.capidemo.shared.domain.Notification;
import com.capidemo.shared.json.Json;
import com.capidemo.shared.port.EventPublisher;
import com.capidemo.shared.port.NotificationStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Publishes stored notifications that have not gone out yet on topic demo-notifications (Pub/Sub in gcp mode, where an
 * email sender subscribes; the local events table otherwise) and marks each delivered. The store is the outbox: a
 * notification whose publish failed, or whose process died before marking it, goes out on the next run (at least once;
 * the notification id is the message's event_id to deduplicate by).
 */
@ApplicationScoped
public class NotificationDelivery {

    private final NotificationStore notifications;
    private final EventPublisher events;
    private final LifecyclePolicy policy;
    private final Clock clock;

    public NotificationDelivery(NotificationStore notifications, EventPublisher events, LifecyclePolicy policy,
                                Clock clock) {
        this.notifications = notifications;
        this.events = events;
        this.policy = policy;
        this.clock = clock;
    }

    public record Delivered(long delivered, long errors) {
    }

    /** Delivers every pending notification; stops at the first failed publish (the topic is likely unavailable). */
    public Delivered deliverPending() {
        long delivered = 0;
        while (true) {
            List<Notification> page = notifications.listUndelivered(policy.pageSize());
            if (page.isEmpty()) {
                return new Delivered(delivered, 0);
            }
            for (Notification n : page) {
                try {
                    events.publish(EventPublisher.DEMO_NOTIFICATIONS, n.notificationId(),
                            Map.of("kind", n.kind(), "tenant_id", n.tenantId(), "demo_id", n.demoId()),
                            Json.bytes(n));
                } catch (RuntimeException e) {
                    Log.warnf("could not publish notification %s; the next run retries: %s", n.notificationId(),
                            e.getMessage());
                    return new Delivered(delivered, 1);
                }
                notifications.markDelivered(n.notificationId(), clock.instant());
                delivered++;
            }
        }
    }
}
