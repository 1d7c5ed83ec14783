package com.capidemo.quick.rest;

import static io.restassured.RestAssured.given;

import com.capidemo.core.testing.LogCapture;
import com.capidemo.core.testing.MutableClock;
import com.capidemo.core.testing.PresentedSecrets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No log line of the worker holds any part of a presented worker credential: wrong shared secrets, wrong bearer
 * tokens and wrong admin tokens on the push endpoint, past the failed-check limit, so the refusals are logged (the
 * throttling warnings) while none of the secrets is. Every log record of the service is captured during the requests.
 * Its own app (a profile), so the failures here throttle no other test.
 */
@QuarkusTest
@TestProfile(WorkerSecretNotLoggedTest.OwnLimiter.class)
class WorkerSecretNotLoggedTest {

    private static final int LIMIT = 10;

    /** Its own limiter, on a clock that stands still: the limit's refill never depends on how slow the machine is. */
    public static class OwnLimiter implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.edge.auth-failures.per-client", String.valueOf(LIMIT));
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(OwnLimiter.StillClock.class);
        }

        @Alternative
        @Priority(1)
        @ApplicationScoped
        public static class StillClock {
            @Produces
            @Singleton
            Clock clock() {
                return MutableClock.at("2026-06-01T00:00:00Z");
            }
        }
    }

    private final LogCapture logs = new LogCapture();

    @BeforeEach
    void captureLogs() {
        logs.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    @Test
    void noLogLineHoldsAnyPartOfAPresentedWorkerSecretBearerTokenOrAdminTokenWhileTheRefusalsAreLogged() {
        PresentedSecrets.assertWorkerRefusalsLogNoSecret(
                LIMIT, logs, (header, value, status) -> push(given().header(header, value), status));
    }

    private static void push(RequestSpecification request, int status) {
        request.contentType("application/json")
                .body("{}")
                .when()
                .post("/pubsub/push")
                .then()
                .statusCode(status)
                .contentType("application/problem+json");
    }
}
