package com.capidemo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.testing.fuzz.EdgeFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge fuzz suite for lifecycle-service (fuzz-endpoints.json): every /api/admin/ endpoint and the health
 * checks, malformed in every way EdgeFuzzer knows. Counts in target/fuzz/lifecycle-service.md.
 */
@QuarkusTest
class AdminFuzzTest {

    @Test
    void adminEndpointsAnswerMalformedRequestsWithProblemJsonAndNeverA5xx() {
        assertThat(EdgeFuzzer.run("lifecycle-service", RestAssured.port, Map.of("WORKER_SECRET", "test-secret"))
                        .violations())
                .isEmpty();
    }
}
