package com.capidemo.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import com.capidemo.lifecycle.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failed worker credentials on /api/admin/ (one filter for every worker endpoint): 401 to a wrong secret and 429 with
 * Retry-After after ten a minute from one address, timed by the tests' injected clock (support.TestClock) — while the
 * valid secret from the same address (the dispatcher's) is never throttled.
 */
@QuarkusTest
@TestProfile(WorkerAuthThrottleTest.Limits.class)
class WorkerAuthThrottleTest {

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "platform.edge.auth-failures.per-client", "10", "platform.edge.auth-failures.per-prefix", "10");
        }
    }

    @Test
    void tenWrongWorkerSecretsAMinuteThen429ButTheValidSecretFromTheSameAddressAlwaysPasses() {
        given().when().get("/api/admin/runs").then().statusCode(401).contentType("application/problem+json");
        for (int i = 0; i < 10; i++) { // the anonymous request above is answered 401 but not counted
            given().header("X-Worker-Secret", "guess-" + i)
                    .contentType("application/json")
                    .body("{}")
                    .when()
                    .get("/api/admin/runs")
                    .then()
                    .statusCode(401);
        }
        given().header("X-Worker-Secret", "guess-again")
                .contentType("application/json")
                .body("{}")
                .when()
                .get("/api/admin/runs")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("type", containsString("too-many-requests"));
        given().header("X-Worker-Secret", "test-secret")
                .contentType("application/json")
                .body("{}")
                .when()
                .get("/api/admin/runs")
                .then()
                .statusCode(200);
        given().header("X-Worker-Secret", "guess-more")
                .contentType("application/json")
                .body("{}")
                .when()
                .get("/api/admin/runs")
                .then()
                .statusCode(429);
        TestClock.CLOCK.advance(Duration.ofSeconds(61));
        given().header("X-Worker-Secret", "guess-later")
                .contentType("application/json")
                .body("{}")
                .when()
                .get("/api/admin/runs")
                .then()
                .statusCode(401);
        given().header("X-Admin-Token", "wrong")
                .contentType("application/json")
                .body("{}")
                .when()
                .get("/api/admin/runs")
                .then()
                .statusCode(401);
    }
}
