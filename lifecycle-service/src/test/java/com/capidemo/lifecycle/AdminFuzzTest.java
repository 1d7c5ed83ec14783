package com.capidemo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.shared.testing.fuzz.EdgeFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's fuzz suite for lifecycle-service (fuzz-endpoints.json). The admin handlers arrive with issue 12: until
 * then /api/admin/cleanup and /send-warnings are problem+json 404s (a JAX-RS filter runs for matched resources only),
 * and the test-only {@link AdminProbeResource} carries the worker filter and JSON rules on /api/admin/. Counts in
 * target/fuzz/lifecycle-service.md.
 */
@QuarkusTest
class AdminFuzzTest {

    @Test
    void adminEndpointsAnswerMalformedRequestsWithProblemJsonAndNeverA5xx() {
        assertThat(EdgeFuzzer.run("lifecycle-service", RestAssured.port, Map.of("WORKER_SECRET", "test-secret"))
                .violations()).isEmpty();
    }
}
