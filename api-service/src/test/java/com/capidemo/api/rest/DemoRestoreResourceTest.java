package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.capidemo.api.support.ReadyDemos;
import com.capidemo.api.support.Tenants;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.port.Datasets;
import com.capidemo.core.port.DemoStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/demos/{id}/restore: archived → ready for the owner, with the errors of everyone else. */
@QuarkusTest
class DemoRestoreResourceTest {

    @Inject
    DemoStore demos;

    @Inject
    Datasets datasets;

    private Demo archived(String tenant, String owner, boolean withDataset) {
        String id = Ids.demoId();
        Instant now = Instant.now();
        Demo demo = new Demo(
                id,
                tenant,
                owner,
                "Acme",
                "Retail",
                "shopify",
                id,
                "agent_" + id,
                DemoStatus.ARCHIVED,
                now.minus(Duration.ofDays(200)),
                now.minus(Duration.ofDays(120)),
                now.minus(Duration.ofDays(30)),
                false,
                List.of(),
                Map.of());
        assertThat(demos.create(demo)).isTrue();
        if (withDataset) {
            datasets.createDataset(id, Map.of("demo", id));
        }
        return demo;
    }

    private static String owner(String key) {
        return "admin@" + ReadyDemos.tenantOf(key) + ".local"; // the user onboarding records when none is given
    }

    @Test
    void theOwnerRestoresAnArchivedDemoToReadyWithLastUsedReset() {
        String key = Tenants.onboardNew("restore");
        Demo demo = archived(ReadyDemos.tenantOf(key), owner(key), true);
        Instant before = Instant.now().minusSeconds(1);

        given().header("X-API-Key", key)
                .when()
                .post("/api/demos/" + demo.demoId() + "/restore")
                .then()
                .statusCode(200)
                .body("status", equalTo("ready"))
                .body("archived_at", nullValue())
                .body("dataset_id", equalTo(demo.datasetId()));

        Demo restored = demos.find(demo.demoId()).orElseThrow();
        assertThat(restored.status()).isEqualTo(DemoStatus.READY);
        assertThat(restored.lastUsed()).isAfter(before);
        given().header("X-API-Key", key)
                .when()
                .post("/api/demos/" + demo.demoId() + "/restore")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://capi-demo.dev/problems/demo-not-archived"));
    }

    @Test
    void onlyTheOwnerMayRestoreAndOtherTenantsSeeNothing() {
        String key = Tenants.onboardNew("restore");
        String other = Tenants.onboardNew("other");
        Demo colleagues = archived(ReadyDemos.tenantOf(key), "colleague@example.com", true);
        Demo mine = archived(ReadyDemos.tenantOf(key), owner(key), true);

        given().header("X-API-Key", key)
                .when()
                .post("/api/demos/" + colleagues.demoId() + "/restore")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("X-API-Key", other)
                .when()
                .post("/api/demos/" + mine.demoId() + "/restore")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("X-API-Key", key)
                .when()
                .post("/api/demos/demo_unknown/restore")
                .then()
                .statusCode(404);
        given().when().post("/api/demos/" + mine.demoId() + "/restore").then().statusCode(401);
        assertThat(demos.find(mine.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.ARCHIVED);
    }

    @Test
    void aDemoThatIsNotArchivedOrLostItsDatasetCannotBeRestored() {
        String key = Tenants.onboardNew("restore");
        Demo lost = archived(ReadyDemos.tenantOf(key), owner(key), false);
        given().header("X-API-Key", key)
                .when()
                .post("/api/demos/" + lost.demoId() + "/restore")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://capi-demo.dev/problems/demo-dataset-missing"));

        Demo ready = archived(ReadyDemos.tenantOf(key), owner(key), true);
        demos.restore(ready.demoId(), Instant.now());
        given().header("X-API-Key", key)
                .when()
                .post("/api/demos/" + ready.demoId() + "/restore")
                .then()
                .statusCode(409)
                .body(
                        "detail",
                        equalTo("Demo '" + ready.demoId() + "' is ready; only an archived demo can be restored"));
    }

    @Test
    void aDemoWhoseDeletionHasBegunCannotBeRestored() {
        String key = Tenants.onboardNew("restore");
        Demo demo = archived(ReadyDemos.tenantOf(key), owner(key), true);
        // The lifecycle marked it (archived 180+ days ago by its rules) and is dropping its dataset and agent.
        assertThat(demos.startDeletion(demo.demoId(), Instant.now(), Instant.now()))
                .isTrue();

        given().header("X-API-Key", key)
                .when()
                .post("/api/demos/" + demo.demoId() + "/restore")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://capi-demo.dev/problems/demo-being-deleted"));
        assertThat(demos.find(demo.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.ARCHIVED);
    }
}
