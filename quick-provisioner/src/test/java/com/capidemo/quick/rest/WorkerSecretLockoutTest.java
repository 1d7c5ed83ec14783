package com.capidemo.quick.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.quick.support.QuickJobs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wrong worker secrets from the dispatcher's own address are throttled (429 past ten a minute), but the dispatcher
 * presenting the right secret from that same address is never: its pushes are answered as usual, so others' failures
 * cannot delay or dead-letter real jobs. Its own app (a profile), so the failures here throttle no other test.
 */
@QuarkusTest
@TestProfile(WorkerSecretLockoutTest.OwnLimiter.class)
class WorkerSecretLockoutTest {

    public static class OwnLimiter implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.edge.auth-failures.per-client", "10");
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
