package com.capidemo.quick.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.testing.fuzz.EdgeFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge fuzz suite for the push endpoints (fuzz-endpoints.json); counts in target/fuzz/quick-provisioner.md. */
@QuarkusTest
@TestProfile(PushFuzzTest.ProdEdge.class)
class PushFuzzTest {

    /** The edge as in prod: operations paths behind the admin token in every spelling. */
    public static class ProdEdge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.edge.ops-protected", "true");
        }
    }

    @Test
    void pushEndpointsAnswerMalformedRequestsWithProblemJsonAndNeverA5xx() {
        String data = Base64.getEncoder()
                .encodeToString(("{\"job_id\":\"job_00000000000000000000\",\"demo_id\":\"demo_x\","
                                + "\"tenant_id\":\"t_fuzz\",\"type\":\"quick\",\"template_id\":\"shopify\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(EdgeFuzzer.run(
                                "quick-provisioner",
                                RestAssured.port,
                                Map.of("WORKER_SECRET", "test-secret", "DATA", data))
                        .violations())
                .isEmpty();
    }
}
