package com.capidemo.local;

import com.capidemo.core.domain.Notification;
import com.capidemo.core.port.Keyset;
import com.capidemo.core.port.NotificationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Notifications in SQLite: the id is the primary key, so storing a warning twice inserts one row. */
@Typed(SqliteNotificationStore.class)
@ApplicationScoped
public class SqliteNotificationStore implements NotificationStore {

    private final SqliteDatabase db;

    public SqliteNotificationStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public boolean add(Notification n) {
        return db.write(c -> Sql.update(
                        c,
                        """
                INSERT INTO notifications(notification_id, tenant_id, recipient, demo_id, kind, customer_name, message,
                                          archive_on, created_at, delivered_at)
                VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(notification_id) DO NOTHING""",
                        n.notificationId(),
                        n.tenantId(),
                        n.recipient(),
                        n.demoId(),
                        n.kind(),
                        n.customerName(),
                        n.message(),
                        n.archiveOn(),
                        n.createdAt(),
                        n.deliveredAt())
                == 1);
    }

    @Override
    public List<Notification> listForRecipient(String tenantId, String recipient, Optional<Keyset> after, int limit) {
        if (after.isEmpty()) {
            return db.read(c -> Sql.list(c, """
                    SELECT * FROM notifications WHERE tenant_id = ? AND recipient = ?
                    ORDER BY created_at DESC, notification_id DESC LIMIT ?""", SqliteNotificationStore::map, tenantId, recipient, limit));
        }
        return db.read(c -> Sql.list(
                c,
                """
                SELECT * FROM notifications WHERE tenant_id = ? AND recipient = ? AND (created_at, notification_id) < (?, ?)
                ORDER BY created_at DESC, notification_id DESC LIMIT ?""",
                SqliteNotificationStore::map,
                tenantId,
                recipient,
                after.get().at(),
                after.get().id(),
                limit));
    }

    @Override
    public List<Notification> listUndelivered(int limit) {
        return db.read(c -> Sql.list(c, """
                SELECT * FROM notifications WHERE delivered_at IS NULL ORDER BY created_at, notification_id LIMIT ?""", SqliteNotificationStore::map, limit));
    }

    @Override
    public boolean claimDelivery(String notificationId, Instant now, Instant leaseUntil) {
        return db.write(c -> Sql.update(c, """
                UPDATE notifications SET delivery_lease_until = ? WHERE notification_id = ? AND delivered_at IS NULL
                  AND (delivery_lease_until IS NULL OR delivery_lease_until <= ?)""", leaseUntil, notificationId, now) == 1);
    }

    @Override
    public void releaseDelivery(String notificationId) {
        db.write(c -> Sql.update(
                c,
                "UPDATE notifications SET delivery_lease_until = NULL WHERE notification_id = ? "
                        + "AND delivered_at IS NULL",
                notificationId));
    }

    @Override
    public boolean markDelivered(String notificationId, Instant at) {
        return db.write(c -> Sql.update(
                        c,
                        "UPDATE notifications SET delivered_at = ? WHERE notification_id = ? AND delivered_at IS NULL",
                        at,
                        notificationId)
                == 1);
    }

    private static Notification map(ResultSet rs) throws SQLException {
        return new Notification(
                rs.getString("notification_id"),
                rs.getString("tenant_id"),
                rs.getString("recipient"),
                rs.getString("demo_id"),
                rs.getString("kind"),
                rs.getString("customer_name"),
                rs.getString("message"),
                Sql.instant(rs, "archive_on"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "delivered_at"));
    }
}
