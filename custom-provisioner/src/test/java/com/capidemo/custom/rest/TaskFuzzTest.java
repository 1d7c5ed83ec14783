package com.capidemo.custom.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.testing.fuzz.EdgeFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge fuzz suite for the task targets (fuzz-endpoints.json); counts in target/fuzz/custom-provisioner.md. */
@QuarkusTest
class TaskFuzzTest {

    @Test
    void taskEndpointsAnswerMalformedRequestsWithProblemJsonAndNeverA5xx() {
        assertThat(EdgeFuzzer.run("custom-provisioner", RestAssured.port, Map.of("WORKER_SECRET", "test-secret")).violations()).isEmpty();
    }
}
