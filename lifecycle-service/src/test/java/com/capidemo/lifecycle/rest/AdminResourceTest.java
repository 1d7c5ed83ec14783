package com.capidemo.lifecycle.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.lifecycle.support.Platform;
import com.capidemo.lifecycle.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle endpoints over HTTP: who may call them, what they answer and what they leave in the store. */
@QuarkusTest
class AdminResourceTest {

    @Inject
    Platform platform;

    @BeforeEach
    void reset() {
        platform.reset();
    }

    @Test
    void everyAdminRouteRefusesACallerWithoutCredentials() {
        for (String path : List.of("/api/admin/cleanup", "/api/admin/send-warnings", "/api/admin/export-metrics")) {
            given().contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .post(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", containsString("unauthorized"));
            given().header("X-Worker-Secret", "wrong").when().post(path).then().statusCode(401);
            given().header("X-Admin-Token", "wrong").when().post(path).then().statusCode(401);
        }
        given().when().get("/api/admin/runs").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void cleanupArchivesDeletesNothingTwiceAndAnswersTheSeedsShape() {
        Demo old = platform.demo("acme", DemoStatus.READY, Duration.ofDays(91), null, false);
        Demo recent = platform.demo("acme", DemoStatus.READY, Duration.ofDays(10), null, false);
        Demo pinned = platform.demo("acme", DemoStatus.READY, Duration.ofDays(200), null, true);
        Demo longArchived =
                platform.demo("acme", DemoStatus.ARCHIVED, Duration.ofDays(300), Duration.ofDays(180), false);
        Demo archivedLately =
                platform.demo("acme", DemoStatus.ARCHIVED, Duration.ofDays(300), Duration.ofDays(179), false);

        // Cloud Scheduler's request: POST with a JSON body {} (here with the local credential).
        given().header("X-Worker-Secret", Platform.SECRET)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/admin/cleanup")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("archived", equalTo(1))
                .body("deleted", equalTo(1))
                .body("temp_datasets_dropped", equalTo(0))
                .body("timestamp", equalTo(TestClock.START.toString()))
                .body("duration_ms", greaterThanOrEqualTo(0))
                .body("run_id", notNullValue());

        assertThat(platform.find(old.demoId()).status()).isEqualTo(DemoStatus.ARCHIVED);
        assertThat(platform.datasetExists(old.demoId()))
                .as("an archived demo keeps its dataset")
                .isTrue();
        assertThat(platform.find(recent.demoId()).status()).isEqualTo(DemoStatus.READY);
        assertThat(platform.find(pinned.demoId()).status()).isEqualTo(DemoStatus.READY);
        Demo deleted = platform.find(longArchived.demoId());
        assertThat(deleted.status()).isEqualTo(DemoStatus.DELETED);
        assertThat(deleted.deletedAt()).isEqualTo(TestClock.START);
        assertThat(deleted.datasetId()).isNull();
        assertThat(platform.datasetExists(longArchived.demoId()))
                .as("a deleted demo's dataset is dropped")
                .isFalse();
        assertThat(platform.find(archivedLately.demoId()).status()).isEqualTo(DemoStatus.ARCHIVED);
        assertThat(platform.datasetExists(archivedLately.demoId())).isTrue();

        // An operator runs it again by hand a minute later: nothing is archived twice.
        TestClock.CLOCK.advance(Duration.ofMinutes(1));
        given().header("X-Admin-Token", Platform.ADMIN)
                .when()
                .post("/api/admin/cleanup")
                .then()
                .statusCode(200)
                .body("archived", equalTo(0))
                .body("deleted", equalTo(0));

        given().header("X-Admin-Token", Platform.ADMIN)
                .when()
                .get("/api/admin/runs?limit=5")
                .then()
                .statusCode(200)
                .body("runs", hasSize(2))
                .body("runs[0].kind", equalTo("cleanup"))
                .body("runs[0].trigger", equalTo("http"))
                .body("runs[0].outcome", equalTo("completed"))
                .body("runs[1].counts.archived", equalTo(1))
                .body("runs[1].counts.deleted", equalTo(1));
    }

    @Test
    void theRunsListIsBounded() {
        given().header("X-Admin-Token", Platform.ADMIN)
                .when()
                .get("/api/admin/runs?limit=0")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().header("X-Admin-Token", Platform.ADMIN)
                .when()
                .get("/api/admin/runs?limit=101")
                .then()
                .statusCode(422);
        given().header("X-Admin-Token", Platform.ADMIN)
                .when()
                .get("/api/admin/runs?limit=abc")
                .then()
                .statusCode(404);
    }

    @Test
    void warningsAreSentOnceAndReadableAsNotifications() {
        platform.demo("acme", DemoStatus.READY, Duration.ofDays(85), null, false);
        platform.demo("acme", DemoStatus.READY, Duration.ofDays(60), null, false);

        given().header("X-Worker-Secret", Platform.SECRET)
                .when()
                .post("/api/admin/send-warnings")
                .then()
                .statusCode(200)
                .body("warnings_sent", equalTo(1))
                .body("delivered", equalTo(1))
                .body("timestamp", equalTo(TestClock.START.toString()));
        given().header("X-Worker-Secret", Platform.SECRET)
                .when()
                .post("/api/admin/send-warnings")
                .then()
                .statusCode(200)
                .body("warnings_sent", equalTo(0));
    }

    @Test
    void theMetricsExportPublishesGaugesPerStatusTemplateAndTenant() {
        platform.demo("acme", DemoStatus.READY, Duration.ofDays(1), null, false);
        platform.demo("acme", DemoStatus.READY, Duration.ofDays(2), null, false);
        platform.demo("globex", DemoStatus.ARCHIVED, Duration.ofDays(100), Duration.ofDays(3), false);

        given().header("X-Worker-Secret", Platform.SECRET)
                .when()
                .post("/api/admin/export-metrics")
                .then()
                .statusCode(200)
                .body("demos_by_status.ready", equalTo(2))
                .body("demos_by_status.archived", equalTo(1))
                .body("demos_by_status.deleted", equalTo(0))
                .body("demos_by_template.shopify", equalTo(3))
                .body("demos_by_tenant.acme", equalTo(2))
                .body("demos_by_tenant.globex", equalTo(1));

        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics)
                .contains("demos_active{template=\"shopify\",tenant=\"acme\"} 2.0")
                .contains("demos_archived{template=\"shopify\",tenant=\"globex\"} 1.0")
                .contains("template_usage{template=\"shopify\"} 3.0")
                .contains("demos_status{status=\"ready\"} 2.0");
        given().header("X-Admin-Token", Platform.ADMIN)
                .when()
                .get("/api/admin/runs")
                .then()
                .body("runs[0].kind", equalTo("export-metrics"))
                .body("runs[0].counts.'status.ready'", equalTo(2));
    }
}
