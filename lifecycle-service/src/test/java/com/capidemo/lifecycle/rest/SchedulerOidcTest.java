package com.capidemo.lifecycle.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.capidemo.gcp.TestJwks;
import com.capidemo.lifecycle.support.Platform;
import com.capidemo.lifecycle.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * gcp-mode authentication (platform.worker.auth=oidc): Cloud Scheduler's Google-signed ID token for this service's
 * audience from the scheduler service account is accepted; anything else is 401. Tokens are signed with the test JWKS.
 */
@QuarkusTest
@TestProfile(SchedulerOidcTest.Oidc.class)
class SchedulerOidcTest {

    static final String AUDIENCE = "https://capi-lifecycle-123.us-central1.run.app";
    static final String SCHEDULER = "capi-scheduler-invoker@demo-project.iam.gserviceaccount.com";
    static final TestJwks JWKS = TestJwks.start();

    public static class Oidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "platform.worker.auth",
                    "oidc",
                    "platform.worker.oidc.audience",
                    AUDIENCE,
                    "platform.worker.oidc.service-account-email",
                    SCHEDULER,
                    "platform.worker.oidc.certs-url",
                    JWKS.certsUrl());
        }
    }

    @Inject
    Platform platform;

    @BeforeEach
    void reset() {
        platform.reset();
    }

    @Test
    void theSchedulersTokenIsAccepted() {
        given().header("Authorization", "Bearer " + signed(AUDIENCE, SCHEDULER, 600))
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/admin/cleanup")
                .then()
                .statusCode(200)
                .body("archived", equalTo(0));
        given().header("Authorization", "Bearer " + signed(AUDIENCE, SCHEDULER, 600))
                .when()
                .post("/api/admin/send-warnings")
                .then()
                .statusCode(200);
    }

    @Test
    void anyOtherCallerIsRefused() {
        String path = "/api/admin/cleanup";
        given().when().post(path).then().statusCode(401).contentType("application/problem+json");
        given().header("X-Worker-Secret", Platform.SECRET)
                .when()
                .post(path)
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer " + signed("https://another-service.run.app", SCHEDULER, 600))
                .when()
                .post(path)
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer " + signed(AUDIENCE, "someone@else.iam.gserviceaccount.com", 600))
                .when()
                .post(path)
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer " + signed(AUDIENCE, SCHEDULER, -60))
                .when()
                .post(path)
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer " + stranger(AUDIENCE, SCHEDULER, 600))
                .when()
                .post(path)
                .then()
                .statusCode(401);
    }

    @Test
    void anOperatorWithTheAdminTokenMayStillRunAJob() {
        given().header("X-Admin-Token", Platform.ADMIN)
                .when()
                .post("/api/admin/export-metrics")
                .then()
                .statusCode(200);
    }

    /** A token the test key signed, issued at the service's clock. */
    private static String signed(String audience, String email, long expiresIn) {
        return JWKS.token(TestJwks.claims(audience, email, expiresIn, TestClock.CLOCK));
    }

    private static String stranger(String audience, String email, long expiresIn) {
        return JWKS.strangerToken(TestJwks.claims(audience, email, expiresIn, TestClock.CLOCK));
    }
}
