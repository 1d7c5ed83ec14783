package com.capidemo.custom.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.testing.fuzz.EdgeFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge fuzz suite for the task targets (fuzz-endpoints.json); counts in target/fuzz/custom-provisioner.md. The
 * operations paths are protected as in prod, so every spelling of them is fuzzed against the admin-token rule.
 */
@QuarkusTest
@TestProfile(TaskFuzzTest.ProdEdge.class)
class TaskFuzzTest {

    public static class ProdEdge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.edge.ops-protected", "true");
        }
    }

    @Test
    void taskEndpointsAnswerMalformedRequestsWithProblemJsonAndNeverA5xx() {
        assertThat(EdgeFuzzer.run("custom-provisioner", RestAssured.port, Map.of("WORKER_SECRET", "test-secret"))
                        .violations())
                .isEmpty();
    }
}
