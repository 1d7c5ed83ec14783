package com.capidemo.core.port;

import com.capidemo.core.domain.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Durable notifications: the local delivery of expiry warnings, and the outbox of the notifications topic. */
public interface NotificationStore {

    /** Stores a new notification; false when one with that id exists (the warning was already sent). */
    boolean add(Notification notification);

    /** One user's notifications in a tenant, newest first (created_at, then id, descending), after {@code after}. */
    List<Notification> listForRecipient(String tenantId, String recipient, Optional<Keyset> after, int limit);

    /** Notifications not yet published on the notifications topic, oldest first. */
    List<Notification> listUndelivered(int limit);

    /**
     * Takes the right to publish an undelivered notification until {@code leaseUntil}, so two runs at once publish it
     * once: true when it is not delivered and nobody else holds an unexpired lease ({@code now} is before it). A run
     * that died while holding it leaves it to whoever claims it after the lease.
     */
    boolean claimDelivery(String notificationId, Instant now, Instant leaseUntil);

    /** Gives up a delivery lease (the publish failed), so the next run publishes it at once. */
    void releaseDelivery(String notificationId);

    /** Records that the notification went out; false when it was already marked (or does not exist). */
    boolean markDelivered(String notificationId, Instant at);
}
