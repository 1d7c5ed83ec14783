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
 * lifecycle-service as Terraform deploys it, behind Cloud Run's IAM (platform.worker.oidc.verification=cloud-run-iam):
 * Cloud Scheduler's token arrives with its signature replaced by SIGNATURE_REMOVED_BY_GOOGLE and is accepted on its
 * claims; a stripped token for another audience or account, an expired one or one signed by a stranger is 401.
 */
@QuarkusTest
@TestProfile(SchedulerBehindCloudRunTest.BehindCloudRun.class)
class SchedulerBehindCloudRunTest {

    static final String AUDIENCE = "https://capi-lifecycle-123.us-central1.run.app";
    static final String SCHEDULER = "capi-scheduler-invoker@demo-project.iam.gserviceaccount.com";
    static final TestJwks JWKS = TestJwks.start();

    public static class BehindCloudRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "platform.worker.auth",
                    "oidc",
                    "platform.worker.oidc.verification",
                    "cloud-run-iam",
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
    void theSchedulersTokenWithItsSignatureRemovedByCloudRunIsAccepted() {
        given().header("Authorization", "Bearer " + stripped(AUDIENCE, SCHEDULER, 600))
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/admin/cleanup")
                .then()
                .statusCode(200)
                .body("archived", equalTo(0));
    }

    @Test
    void strippedTokensWithTheWrongClaimsAndForgedTokensAreRefused() {
        String path = "/api/admin/cleanup";
        given().header("Authorization", "Bearer " + stripped("https://another-service.run.app", SCHEDULER, 600))
                .when()
                .post(path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + stripped(AUDIENCE, "someone@else.iam.gserviceaccount.com", 600))
                .when()
                .post(path)
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer " + stripped(AUDIENCE, SCHEDULER, -3600))
                .when()
                .post(path)
                .then()
                .statusCode(401);
        String forged = JWKS.strangerToken(TestJwks.claims(AUDIENCE, SCHEDULER, 600, TestClock.CLOCK));
        given().header("Authorization", "Bearer " + forged)
                .when()
                .post(path)
                .then()
                .statusCode(401);
    }

    private static String stripped(String audience, String email, long expiresIn) {
        return TestJwks.strippedByCloudRun(JWKS.token(TestJwks.claims(audience, email, expiresIn, TestClock.CLOCK)));
    }
}
