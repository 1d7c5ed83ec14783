package com.capidemo.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Notification;
import com.capidemo.core.port.Keyset;
import com.capidemo.core.port.NotificationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link NotificationStore} adapter must do (SQLite here, the Firestore emulator with -Pemulators). */
public abstract class NotificationStoreContract {

    protected abstract NotificationStore store();

    private static Notification warning(
            String tenant, String recipient, String demoId, Instant lastUsed, Instant createdAt) {
        return new Notification(
                Notification.archiveWarningId(demoId, lastUsed),
                tenant,
                recipient,
                demoId,
                Notification.ARCHIVE_WARNING,
                "Acme",
                "Your demo Acme will be archived",
                lastUsed.plus(Duration.ofDays(90)),
                createdAt,
                null);
    }

    @Test
    void aWarningForTheSameDemoAndCycleIsStoredOnce() {
        String tenant = "t_" + Ids.randomHex(3);
        Instant used = Instant.parse("2030-01-01T00:00:00Z");
        Notification n = warning(tenant, "ce@example.com", Ids.demoId(), used, used.plus(Duration.ofDays(84)));

        assertThat(store().add(n)).isTrue();
        assertThat(store().add(n)).as("the same demo and last_used").isFalse();
        assertThat(store().add(warning(tenant, "ce@example.com", n.demoId(), used.plusSeconds(1), n.createdAt())))
                .as("a new cycle after the demo was used again")
                .isTrue();

        assertThat(store().listForRecipient(tenant, "ce@example.com", Optional.empty(), 10))
                .hasSize(2)
                .allSatisfy(x -> assertThat(x.demoId()).isEqualTo(n.demoId()));
    }

    @Test
    void aRecipientsNotificationsArePagedNewestFirstAndOnlyTheirs() {
        String tenant = "t_" + Ids.randomHex(3);
        Instant t0 = Instant.parse("2030-02-01T00:00:00Z");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Notification n = warning(tenant, "ce@example.com", Ids.demoId(), t0, t0.plus(Duration.ofHours(i)));
            store().add(n);
            expected.add(0, n.notificationId());
        }
        store().add(warning(tenant, "other@example.com", Ids.demoId(), t0, t0));
        store().add(warning("other_" + Ids.randomHex(3), "ce@example.com", Ids.demoId(), t0, t0));

        List<String> seen = new ArrayList<>();
        Optional<Keyset> after = Optional.empty();
        List<Notification> page;
        do {
            page = store().listForRecipient(tenant, "ce@example.com", after, 2);
            page.forEach(n -> seen.add(n.notificationId()));
            after = page.isEmpty()
                    ? after
                    : Optional.of(new Keyset(
                            page.get(page.size() - 1).createdAt(),
                            page.get(page.size() - 1).notificationId()));
        } while (!page.isEmpty());

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void undeliveredNotificationsAreListedUntilMarkedDelivered() {
        String tenant = "t_" + Ids.randomHex(3);
        Instant t0 = Instant.parse("2030-03-01T00:00:00Z");
        Notification n = warning(tenant, "ce@example.com", Ids.demoId(), t0, t0);
        store().add(n);

        assertThat(store().listUndelivered(10_000))
                .extracting(Notification::notificationId)
                .contains(n.notificationId());
        assertThat(store().markDelivered(n.notificationId(), t0.plusSeconds(1))).isTrue();
        assertThat(store().markDelivered(n.notificationId(), t0.plusSeconds(2)))
                .as("once")
                .isFalse();
        assertThat(store().listUndelivered(10_000))
                .extracting(Notification::notificationId)
                .doesNotContain(n.notificationId());
        assertThat(store().listForRecipient(tenant, "ce@example.com", Optional.empty(), 1)
                        .get(0)
                        .deliveredAt())
                .isEqualTo(t0.plusSeconds(1));
    }

    @Test
    void oneRunAtATimeHoldsTheRightToPublishANotification() {
        String tenant = "t_" + Ids.randomHex(3);
        Instant t0 = Instant.parse("2030-04-01T00:00:00Z");
        Notification n = warning(tenant, "ce@example.com", Ids.demoId(), t0, t0);
        store().add(n);
        Instant until = t0.plusSeconds(300);

        assertThat(store().claimDelivery(n.notificationId(), t0, until)).isTrue();
        assertThat(store().claimDelivery(n.notificationId(), t0.plusSeconds(1), until))
                .as("held by another")
                .isFalse();
        assertThat(store().claimDelivery(n.notificationId(), until, until.plusSeconds(300)))
                .as("the lease ran out")
                .isTrue();
        store().releaseDelivery(n.notificationId());
        assertThat(store().claimDelivery(n.notificationId(), t0, until))
                .as("released")
                .isTrue();
        assertThat(store().markDelivered(n.notificationId(), t0.plusSeconds(2))).isTrue();
        assertThat(store().claimDelivery(n.notificationId(), until.plusSeconds(600), until.plusSeconds(900)))
                .as("delivered")
                .isFalse();
        assertThat(store().claimDelivery("ntf_missing", t0, until)).isFalse();
    }
}
