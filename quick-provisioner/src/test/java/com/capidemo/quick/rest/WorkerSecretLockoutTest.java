package com.capidemo.quick.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.testing.MutableClock;
import com.capidemo.quick.support.QuickJobs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Wrong worker secrets from the dispatcher's own address are throttled (429 past ten a minute), but the dispatcher
 * presenting the right secret from that same address is never: its pushes are answered as usual, so others' failures
 * cannot delay or dead-letter real jobs. Its own app (a profile), so the failures here throttle no other test.
 */
@QuarkusTest
@TestProfile(WorkerSecretLockoutTest.OwnLimiter.class)
class WorkerSecretLockoutTest {

    /**
     * Its own limiter, on a clock that stands still: no failure leaves the window however slow the machine is, so the
     * eleventh wrong secret is always throttled. Declared inside the profile, so it replaces the clock of this app only.
     */
    public static class OwnLimiter implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.edge.auth-failures.per-client", "10");
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

    @Test
    void elevenWrongWorkerSecretsFromOneAddressNeverThrottleTheValidSecretFromThatAddress() {
        for (int i = 0; i < 10; i++) {
            given().header("X-Worker-Secret", "wrong-" + i)
                    .contentType("application/json")
                    .body("{}")
                    .when()
                    .post("/pubsub/push")
                    .then()
                    .statusCode(401);
        }
        for (int i = 0; i < 5; i++) {
            given().header("X-Worker-Secret", "wrong-again-" + i)
                    .contentType("application/json")
                    .body("{}")
                    .when()
                    .post("/pubsub/push")
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json");
            QuickJobs.push(QuickJobs.envelope(
                            new ProvisionMessage("job_unknown", "demo_x", "t", "quick", "shopify"), 1))
                    .statusCode(200)
                    .body("outcome", equalTo("ack"));
        }
    }
}
