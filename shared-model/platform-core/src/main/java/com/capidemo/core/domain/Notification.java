package com.capidemo.core.domain;

import java.time.Instant;

/**
 * A message to one user about one demo, e.g. the warning that it will be archived on {@code archiveOn}. The id is
 * deterministic per demo and archival cycle ({@link #archiveWarningId}), so a second warnings run stores nothing new.
 * {@code deliveredAt} is null until the message went out on the notifications topic.
 */
public record Notification(
        String notificationId,
        String tenantId,
        String recipient,
        String demoId,
        String kind,
        String customerName,
        String message,
        Instant archiveOn,
        Instant createdAt,
        Instant deliveredAt) {

    public static final String ARCHIVE_WARNING = "archive_warning";

    /** One warning per demo per archival cycle: a cycle is identified by the last_used the warning was computed from. */
    public static String archiveWarningId(String demoId, Instant lastUsed) {
        return "warn_" + demoId + "_" + lastUsed.toEpochMilli();
    }
}
