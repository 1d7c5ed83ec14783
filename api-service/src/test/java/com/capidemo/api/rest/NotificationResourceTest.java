package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.capidemo.api.support.ReadyDemos;
import com.capidemo.api.support.Tenants;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Notification;
import com.capidemo.core.port.NotificationStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/notifications: the caller's own notifications, newest first, cursor-paged. */
@QuarkusTest
class NotificationResourceTest {

    @Inject
    NotificationStore notifications;

    private Notification warning(String tenant, String recipient, Instant at) {
        String demo = Ids.demoId();
        Notification n = new Notification(
                Notification.archiveWarningId(demo, at),
                tenant,
                recipient,
                demo,
                Notification.ARCHIVE_WARNING,
                "Acme",
                "Your demo 'Acme' will be archived",
                at.plus(Duration.ofDays(7)),
                at,
                null);
        assertThat(notifications.add(n)).isTrue();
        return n;
    }

    @Test
    void theOwnerPagesThroughTheirNotificationsNewestFirstAndSeesNoOneElses() {
        String key = Tenants.onboardNew("inbox");
        String tenant = ReadyDemos.tenantOf(key);
        String me = "admin@" + tenant + ".local";
        Instant t0 = Instant.parse("2031-01-01T09:00:00Z");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(0, warning(tenant, me, t0.plus(Duration.ofDays(i))).notificationId());
        }
        warning(tenant, "colleague@example.com", t0);
        warning("elsewhere_" + Ids.randomHex(3), me, t0);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("X-API-Key", key).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when()
                    .get("/api/notifications")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("notifications.notification_id"));
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
        given().header("X-API-Key", key)
                .when()
                .get("/api/notifications?limit=1")
                .then()
                .body("notifications[0].kind", equalTo("archive_warning"))
                .body("notifications[0].recipient", equalTo(me))
                .body("notifications[0].delivered_at", nullValue());
    }

    @Test
    void aStrangerSeesAnEmptyInboxAndBadParametersAreProblems() {
        String key = Tenants.onboardNew("inbox");
        given().header("X-API-Key", key)
                .when()
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("notifications", hasSize(0))
                .body("next_cursor", nullValue());
        given().header("X-API-Key", key)
                .when()
                .get("/api/notifications?limit=0")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().header("X-API-Key", key)
                .when()
                .get("/api/notifications?cursor=not-a-cursor!")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("cursor"));
        given().when().get("/api/notifications").then().statusCode(401);
    }
}
