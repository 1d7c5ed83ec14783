package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.capidemo.api.security.ApiKeys;
import com.capidemo.api.support.Tenants;
import com.capidemo.core.port.TenantStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

    @Inject
    TenantStore tenants;

    @Test
    void apiRoutesWithoutAKeyAre401ProblemJson() {
        for (String path : new String[] {"/api/templates", "/api/demos", "/api/provision/status/job_x"}) {
            given().when()
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("status", equalTo(401))
                    .body("detail", containsString("X-API-Key"));
        }
    }

    @Test
    void unknownKeysAre401() {
        given().header("X-API-Key", "nobody_api_AAAAAAAAAAAAAAAA")
                .when()
                .get("/api/templates")
                .then()
                .statusCode(401)
                .body("detail", containsString("unknown or revoked"));
    }

    @Test
    void revokedKeysAre401() {
        String key = Tenants.onboardNew("revoked");
        given().header("X-API-Key", key).when().get("/api/templates").then().statusCode(200);
        tenants.revokeKey(ApiKeys.hash(key), java.time.Instant.now());
        given().header("X-API-Key", key).when().get("/api/templates").then().statusCode(401);
    }

    @Test
    void healthAndOpenApiNeedNoKey() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void unknownRoutesAreProblemJson404() {
        given().when().get("/nope").then().statusCode(404).contentType("application/problem+json");
    }
}
