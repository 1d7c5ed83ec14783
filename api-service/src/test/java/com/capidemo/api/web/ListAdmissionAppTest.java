package com.capidemo.api.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.capidemo.api.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The gate in api-service as deployed: every way a list or a dashboard can end (answered, refused as invalid or
 * unauthenticated) gives its permit back, so the gate never closes for good.
 */
@QuarkusTest
class ListAdmissionAppTest {

    @Inject
    ListAdmission admission;

    @Test
    void everyListAndDashboardGivesItsPermitBack() {
        String key = Tenants.onboardNew("gate");
        int requests = admission.gate().permits() * 3;
        for (int i = 0; i < requests; i++) {
            given().header("X-API-Key", key).get("/api/demos?limit=5").then().statusCode(200);
            given().header("X-API-Key", key).get("/api/dashboard").then().statusCode(200);
        }
        given().header("X-API-Key", key).get("/api/demos?limit=500").then().statusCode(422);
        given().header("X-API-Key", key).get("/api/demos?cursor=nope").then().statusCode(422);
        given().get("/api/demos").then().statusCode(401);
        given().header("X-API-Key", "not-a-key").get("/api/dashboard").then().statusCode(401);

        await().atMost(Duration.ofSeconds(10)).until(() -> admission.gate().inFlight() == 0);
        assertThat(admission.gate().waiting()).isZero();
        given().header("X-API-Key", key).get("/api/demos").then().statusCode(200);
    }
}
