package com.capidemo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.testing.fuzz.EdgeFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge fuzz suite for lifecycle-service (fuzz-endpoints.json): every /api/admin/ endpoint and the health
 * checks, malformed in every way EdgeFuzzer knows. Counts in target/fuzz/lifecycle-service.md.
 */
@QuarkusTest
@TestProfile(AdminFuzzTest.ProdEdge.class)
class AdminFuzzTest {

    /** The edge as in prod: operations paths behind the admin token in every spelling. */
    public static class ProdEdge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.edge.ops-protected", "true");
        }
    }

    @Test
    void adminEndpointsAnswerMalformedRequestsWithProblemJsonAndNeverA5xx() {
        assertThat(EdgeFuzzer.run("lifecycle-service", RestAssured.port, Map.of("WORKER_SECRET", "test-secret"))
                        .violations())
                .isEmpty();
    }
}
