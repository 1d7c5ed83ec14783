package com.capidemo.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import com.capidemo.shared.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 defect 8 for worker credentials: the worker filter on /api/admin/ (one filter for every worker endpoint)
 * answers 401 to a wrong secret and 429 with Retry-After after ten a minute, timed by an injected clock.
 */
@QuarkusTest
@TestProfile(WorkerAuthThrottleTest.Limits.class)
class WorkerAuthThrottleTest {

    static final MutableClock CLOCK = MutableClock.at("2026-06-01T00:00:00Z");

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.edge.auth-failures.per-client", "10", "platform.edge.auth-failures.per-prefix", "10");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestClock.class);
        }
    }

    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class TestClock {
        @Produces
        @Singleton
        Clock clock() {
            return CLOCK;
        }
    }

    @Test
    void tenWrongWorkerSecretsAMinuteThen429UntilTheWindowHasPassed() {
        given().when().get("/api/admin/runs")
                .then().statusCode(401).contentType("application/problem+json");
        for (int i = 0; i < 9; i++) {
            given().header("X-Worker-Secret", "guess-" + i).contentType("application/json").body("{}")
                    .when().get("/api/admin/runs").then().statusCode(401);
        }
        given().header("X-Worker-Secret", "guess-again").contentType("application/json").body("{}")
                .when().get("/api/admin/runs").then().statusCode(429).header("Retry-After", notNullValue())
                .body("type", containsString("too-many-requests"));
        given().header("X-Worker-Secret", "test-secret").contentType("application/json").body("{}")
                .when().get("/api/admin/runs").then().statusCode(429);
        CLOCK.advance(Duration.ofSeconds(61));
        given().header("X-Worker-Secret", "test-secret").contentType("application/json").body("{}")
                .when().get("/api/admin/runs").then().statusCode(200);
        given().header("X-Admin-Token", "wrong").contentType("application/json").body("{}")
                .when().get("/api/admin/runs").then().statusCode(401);
    }
}
