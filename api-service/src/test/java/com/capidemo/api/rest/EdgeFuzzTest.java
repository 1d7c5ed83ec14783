package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.api.support.Tenants;
import com.capidemo.core.testing.fuzz.EdgeFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge fuzz suite for the public API: every endpoint of {@code fuzz-endpoints.json} (add new ones there) gets
 * its malformed variants; none may answer 5xx, every error is problem+json with a stable type and names no class.
 * The counts go to target/fuzz/api-service.md.
 */
@QuarkusTest
@TestProfile(EdgeFuzzTest.ProdEdge.class)
class EdgeFuzzTest {

    /** The edge as in prod: operations paths behind the admin token in every spelling. */
    public static class ProdEdge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.edge.ops-protected", "true");
        }
    }

    @Test
    void everyPublicEndpointAnswersMalformedRequestsWithProblemJsonAndNeverA5xx() {
        String tenant = Tenants.uniqueId("fuzz");
        String key = Tenants.onboard(tenant);
        Map<String, String> job = given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"template_id\":\"shopify\"}")
                .when()
                .post("/api/provision/quick")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getMap("");
        Map<String, String> variables = Map.of(
                "API_KEY",
                key,
                "ADMIN_TOKEN",
                Tenants.ADMIN_TOKEN,
                "TENANT",
                tenant,
                "JOB_ID",
                job.get("job_id"),
                "DEMO_ID",
                job.get("demo_id"));
        assertThat(EdgeFuzzer.run("api-service", RestAssured.port, variables).violations())
                .isEmpty();
    }
}
