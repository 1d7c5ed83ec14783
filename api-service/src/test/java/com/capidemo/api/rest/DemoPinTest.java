package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.capidemo.api.support.ReadyDemos;
import com.capidemo.api.support.Users;
import com.capidemo.core.port.DemoStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** POST /api/demos/{id}/pin and /unpin: the owner only, idempotent, pinned_at recorded. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPinTest {

    @Inject
    ReadyDemos readyDemos;

    @Inject
    Users users;

    @Inject
    DemoStore demos;

    private Users.Team team;

    @BeforeEach
    void setUp() {
        if (team != null) {
            return;
        }
        team = users.team("pin");
    }

    private io.restassured.response.ValidatableResponse post(String key, String demoId, String action) {
        return given().header("X-API-Key", key)
                .when()
                .post("/api/demos/" + demoId + "/" + action)
                .then();
    }

    @Test
    void theOwnerPinsAndUnpinsAndRepeatingEitherIsFine() {
        String demoId = readyDemos.queued(team.tenant(), "shopify", team.owner());
        String pinnedAt = post(team.ownerKey(), demoId, "pin")
                .statusCode(200)
                .body("demo_id", equalTo(demoId))
                .body("is_pinned", equalTo(true))
                .body("pinned_at", notNullValue())
                .extract()
                .path("pinned_at");
        post(team.ownerKey(), demoId, "pin").statusCode(200).body("pinned_at", equalTo(pinnedAt));
        given().header("X-API-Key", team.ownerKey())
                .when()
                .get("/api/demos/" + demoId)
                .then()
                .body("is_pinned", equalTo(true))
                .body("pinned_at", equalTo(pinnedAt));
        given().header("X-API-Key", team.ownerKey())
                .when()
                .get("/api/dashboard")
                .then()
                .body("pinned_demos[0].demo_id", equalTo(demoId))
                .body("stats.pinned_count", equalTo(1));

        post(team.ownerKey(), demoId, "unpin")
                .statusCode(200)
                .body("is_pinned", equalTo(false))
                .body("pinned_at", nullValue());
        post(team.ownerKey(), demoId, "unpin").statusCode(200).body("is_pinned", equalTo(false));
        assertThat(demos.find(demoId).orElseThrow().isPinned()).isFalse();
    }

    @Test
    void anotherUserOfTheTenantEvenAnAdminIsForbidden() {
        String demoId = readyDemos.queued(team.tenant(), "shopify", team.owner());
        for (String key : new String[] {team.colleagueKey(), team.adminKey()}) {
            post(key, demoId, "pin")
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/forbidden"));
            post(key, demoId, "unpin").statusCode(403);
        }
        assertThat(demos.find(demoId).orElseThrow().isPinned()).isFalse();
    }

    @Test
    void anotherTenantAndUnknownDemosAre404() {
        String demoId = readyDemos.queued(team.tenant(), "shopify", team.owner());
        post(team.otherTenantKey(), demoId, "pin").statusCode(404).body("type", endsWith("/demo-not-found"));
        post(team.otherTenantKey(), demoId, "unpin").statusCode(404);
        post(team.ownerKey(), "demo_0000000000000000", "pin").statusCode(404);
    }

    @Test
    void aDeletedDemoCannotBePinned() {
        String demoId = readyDemos.ready(team.tenant(), "shopify", team.owner());
        given().header("X-API-Key", team.ownerKey())
                .when()
                .delete("/api/demos/" + demoId)
                .then()
                .statusCode(204);
        post(team.ownerKey(), demoId, "pin").statusCode(409).body("type", endsWith("/demo-deleted"));
    }
}
