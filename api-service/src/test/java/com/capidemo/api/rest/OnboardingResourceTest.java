package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.capidemo.api.security.ApiKeys;
import com.capidemo.api.support.Tenants;
import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.port.Crypto;
import com.capidemo.core.port.TenantStore;
import com.capidemo.core.port.Warehouse;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OnboardingResourceTest {

    @Inject
    TenantStore tenants;

    @Inject
    Crypto crypto;

    @Inject
    Warehouse warehouse;

    @Test
    void onboardingCreatesTheTenantDatasetAndShowsTheKeyOnce() {
        String tenantId = Tenants.uniqueId("acme");
        String key = given().contentType("application/json")
                .header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                .body("{\"tenant_id\":\"" + tenantId + "\"}")
                .when()
                .post("/api/v1/customers/onboard")
                .then()
                .statusCode(201)
                .body("tenant_id", equalTo(tenantId))
                .body("api_key", matchesPattern(tenantId + "_api_[A-Za-z0-9_-]{16}"))
                .body("dataset_created", equalTo(true))
                .body(
                        "tables_created",
                        containsInAnyOrder("pipeline_runs", "step_logs", "dq_results", "cloud_credentials"))
                .body("dryrun_status", equalTo("SUCCESS"))
                .body("message", containsString(tenantId))
                .extract()
                .path("api_key");

        assertThat(warehouse.listTables(tenantId))
                .containsExactlyInAnyOrder("pipeline_runs", "step_logs", "dq_results", "cloud_credentials");
        ApiKey stored = tenants.findKeyByHash(ApiKeys.hash(key)).orElseThrow();
        assertThat(stored.tenantId()).isEqualTo(tenantId);
        assertThat(new String(stored.encryptedKey(), StandardCharsets.ISO_8859_1))
                .doesNotContain(key);
        assertThat(new String(crypto.decrypt(stored.encryptedKey(), "api_key:" + tenantId), StandardCharsets.UTF_8))
                .isEqualTo(key);
        // The key works straight away.
        given().header("X-API-Key", key).when().get("/api/templates").then().statusCode(200);
    }

    @Test
    void aSecondOnboardingOfTheSameTenantIsAConflict() {
        String tenantId = Tenants.uniqueId("dup");
        Tenants.onboard(tenantId);
        given().contentType("application/json")
                .header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                .body("{\"tenant_id\":\"" + tenantId + "\"}")
                .when()
                .post("/api/v1/customers/onboard")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("tenant-exists"));
    }

    @Test
    void onboardingRequiresTheAdminToken() {
        given().contentType("application/json")
                .body("{\"tenant_id\":\"no_token\"}")
                .when()
                .post("/api/v1/customers/onboard")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .header("X-Admin-Token", "wrong")
                .body("{\"tenant_id\":\"bad_token\"}")
                .when()
                .post("/api/v1/customers/onboard")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("wrong admin token"));
    }

    @Test
    void invalidTenantIdsAreRejectedNamingTheField() {
        for (String bad : new String[] {"AB", "Upper_Case", "has-dash", "x".repeat(51), "sp ace"}) {
            given().contentType("application/json")
                    .header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                    .body("{\"tenant_id\":\"" + bad + "\"}")
                    .when()
                    .post("/api/v1/customers/onboard")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("tenant_id"));
        }
    }

    @Test
    void missingFieldIs422AndMalformedJsonIs400() {
        given().contentType("application/json")
                .header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                .body("{}")
                .when()
                .post("/api/v1/customers/onboard")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("tenant_id"));
        given().contentType("application/json")
                .header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                .body("{\"tenant_id\":")
                .when()
                .post("/api/v1/customers/onboard")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("malformed-request"))
                .body("detail", org.hamcrest.Matchers.not(containsString("Exception")));
    }
}
