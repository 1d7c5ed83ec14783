package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.capidemo.api.support.EdgeLimitsProfile;
import com.capidemo.api.support.Tenants;
import com.capidemo.core.testing.fuzz.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Prod's edge settings: throttled failed authentication (API keys, the admin token) that never throttles a credential
 * that verifies, and the per-tenant request rate, timed by an injected clock; operations endpoints behind the admin
 * token.
 */
@QuarkusTest
@TestProfile(EdgeLimitsProfile.class)
class EdgeLimitsTest {

    @Test
    void tenWrongApiKeysAMinuteThen429WithRetryAfterWhileTheTenantsValidKeyStillPasses() {
        String key = Tenants.onboardNew("brute");
        EdgeLimitsProfile.CLOCK.advance(Duration.ofMinutes(5)); // a window of its own
        for (int i = 0; i < 10; i++) {
            given().header("X-API-Key", "brute_api_guess" + i)
                    .when()
                    .get("/api/templates")
                    .then()
                    .statusCode(401);
        }
        given().header("X-API-Key", "brute_api_guess")
                .when()
                .get("/api/templates")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", containsString("too-many-requests"));
        given().header("X-API-Key", key).when().get("/api/templates").then().statusCode(200);
        EdgeLimitsProfile.CLOCK.advance(Duration.ofSeconds(61));
        given().header("X-API-Key", "brute_api_guessguessguessgu")
                .when()
                .get("/api/templates")
                .then()
                .statusCode(401);
    }

    @Test
    void wrongKeysNamingATenantFromManyAddressesNeverLockOutTheTenantsValidKey() {
        EdgeLimitsProfile.CLOCK.advance(Duration.ofMinutes(5));
        String key = Tenants.onboardNew("victim");
        String tenant = key.substring(0, key.length() - "_api_".length() - 16);
        for (int i = 0; i < 30; i++) {
            given().header("X-API-Key", tenant + "_api_" + String.format("%016d", i))
                    .when()
                    .get("/api/templates")
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(401, 429));
        }
        given().header("X-API-Key", tenant + "_api_" + "z".repeat(16))
                .when()
                .get("/api/templates")
                .then()
                .statusCode(429);
        given().header("X-API-Key", key).when().get("/api/demos").then().statusCode(200);
        given().header("X-API-Key", key).when().get("/api/templates").then().statusCode(200);
    }

    @Test
    void wrongAdminTokensAreThrottledTheSameWayButTheRightTokenPasses() {
        EdgeLimitsProfile.CLOCK.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 10; i++) {
            given().contentType("application/json")
                    .header("X-Admin-Token", "guess" + i)
                    .body("{\"tenant_id\":\"nope\"}")
                    .when()
                    .post("/api/v1/customers/onboard")
                    .then()
                    .statusCode(401);
        }
        given().contentType("application/json")
                .header("X-Admin-Token", "guess-again")
                .body("{\"tenant_id\":\"nope\"}")
                .when()
                .post("/api/v1/customers/onboard")
                .then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().contentType("application/json")
                .header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                .body("{\"tenant_id\":\"\"}")
                .when()
                .post("/api/v1/customers/onboard")
                .then()
                .statusCode(422); // the right token passes the filter (and the empty tenant id is refused)
        EdgeLimitsProfile.CLOCK.advance(Duration.ofSeconds(61));
    }

    @Test
    void aTenantOverItsRequestRateGets429UntilTheWindowHasPassed() {
        EdgeLimitsProfile.CLOCK.advance(Duration.ofMinutes(5));
        String key = Tenants.onboardNew("busy");
        for (int i = 0; i < EdgeLimitsProfile.TENANT_LIMIT; i++) {
            given().header("X-API-Key", key).when().get("/api/templates").then().statusCode(200);
        }
        given().header("X-API-Key", key)
                .when()
                .get("/api/templates")
                .then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("request rate"));
        EdgeLimitsProfile.CLOCK.advance(Duration.ofSeconds(61));
        given().header("X-API-Key", key).when().get("/api/templates").then().statusCode(200);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "/q/metrics",
                "/q/openapi",
                "/q/openapi.json",
                "/q/openapi.yaml",
                "/q/openapi.yml",
                "//q/openapi",
                "/q//openapi",
                "//q/metrics",
                "/q//metrics",
                "/q/metrics/",
                "/%71/metrics",
                "/q/%6Fpenapi",
                "/q;a=b/openapi"
            })
    void everySpellingOfAnOperationsPathNeedsTheAdminToken(String path) {
        EdgeLimitsProfile.CLOCK.advance(Duration.ofMinutes(5));
        RawHttp.Response anonymous = raw("GET " + path, null);
        org.assertj.core.api.Assertions.assertThat(anonymous.status()).as(path).isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(anonymous.header("content-type"))
                .startsWith("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(anonymous.body()).doesNotContain("tenant");
        org.assertj.core.api.Assertions.assertThat(
                        raw("GET " + path, Tenants.ADMIN_TOKEN).status())
                .as(path)
                .isNotIn(401, 429);
    }

    private static RawHttp.Response raw(String requestLine, String adminToken) {
        String head = requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + (adminToken == null ? "" : "X-Admin-Token: " + adminToken + "\r\n") + "\r\n";
        return RawHttp.send(
                "localhost",
                io.restassured.RestAssured.port,
                head.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                null);
    }

    @Test
    void metricsAndOpenApiNeedTheAdminTokenHealthIsOpenAndShowsNoPaths() {
        EdgeLimitsProfile.CLOCK.advance(Duration.ofMinutes(5));
        given().when().get("/q/metrics").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/q/openapi").then().statusCode(401).contentType("application/problem+json");
        given().header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200);
        given().header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200);
        given().header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                .when()
                .get("/q/swagger-ui/")
                .then()
                .statusCode(org.hamcrest.Matchers.not(200));
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(not(containsString("platform.db")))
                .body(not(containsString("/")));
    }
}
