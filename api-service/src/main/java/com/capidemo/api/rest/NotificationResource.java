package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.Notification;
import com.capidemo.core.port.Keyset;
import com.capidemo.core.port.NotificationStore;
import com.capidemo.core.web.ApiProblem;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * GET /api/notifications: the caller's own notifications (expiry warnings), newest first, a page at a time. The
 * cursor is opaque to clients: pass {@code next_cursor} back as {@code cursor}; it is null on the last page.
 */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    static final int MAX_LIMIT = 100;

    private final NotificationStore notifications;
    private final CallerContext caller;

    public NotificationResource(NotificationStore notifications, CallerContext caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    public record Page(List<Notification> notifications, String nextCursor) {}

    @GET
    public Page list(@QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("cursor") String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Caller who = caller.caller();
        List<Notification> page =
                notifications.listForRecipient(who.tenantId(), who.userEmail(), decode(cursor), limit);
        Notification last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new Page(page, page.size() < limit ? null : encode(new Keyset(last.createdAt(), last.notificationId())));
    }

    static String encode(Keyset k) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((k.at().toEpochMilli() + ":" + k.id()).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Keyset> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return Optional.of(new Keyset(
                    Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon))), text.substring(colon + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
