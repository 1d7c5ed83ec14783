package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.capidemo.api.support.Tenants;
import com.capidemo.local.SqliteDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineResourceTest {

    private static final String BILLING = "/gcp/cost/bill-sample-export-template";

    @Inject
    SqliteDatabase db;

    private String tenant;
    private String key;
    private String otherTenant;
    private String otherKey;

    @BeforeEach
    void tenants() {
        if (key != null) {
            return;
        }
        tenant = Tenants.uniqueId("pipe");
        key = Tenants.onboard(tenant);
        otherTenant = Tenants.uniqueId("pipeother");
        otherKey = Tenants.onboard(otherTenant);
    }

    private String runPath(String tenantId, String template) {
        return "/api/v1/pipelines/run/" + tenantId + template;
    }

    @Test
    void runIsAcceptedAsPendingWithItsTaskAndASecondRunWhileItIsPendingIsAConflict() {
        String runId = given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"trigger_by\":\"ce@example.com\",\"date\":\"2025-10-31\"}")
                .when()
                .post(runPath(tenant, "/gcp/example/dryrun"))
                .then()
                .statusCode(202)
                .body("pipeline_id", equalTo(tenant + "-gcp-example-dryrun"))
                .body("status", equalTo("PENDING"))
                .body("message", equalTo("Templated pipeline triggered successfully"))
                .header("Location", containsString("/api/v1/pipelines/runs/"))
                .extract()
                .path("pipeline_logging_id");

        Map<String, Object> task = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT queue, path, status, body FROM tasks WHERE job_id = ?")) {
                ps.setString(1, runId);
                try (var rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    return Map.of(
                            "queue",
                            rs.getString(1),
                            "path",
                            rs.getString(2),
                            "status",
                            rs.getString(3),
                            "body",
                            new String(rs.getBytes(4)));
                }
            }
        });
        assertThat(task)
                .containsEntry("queue", "custom-provision")
                .containsEntry("path", "/tasks/pipeline-run")
                .containsEntry("status", "pending");
        assertThat(task.get("body").toString()).contains(runId);

        given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{}")
                .when()
                .post(runPath(tenant, "/gcp/example/dryrun"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("pipeline-already-running"))
                .body("detail", containsString(runId));

        given().header("X-API-Key", key)
                .when()
                .get("/api/v1/pipelines/runs/" + runId)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("run_date", equalTo("2025-10-31"))
                .body("trigger_by", equalTo("ce@example.com"))
                .body("steps", hasSize(1))
                .body("steps[0].step_id", equalTo("dryrun"))
                .body("steps[0].status", equalTo("PENDING"));
        given().header("X-API-Key", otherKey)
                .when()
                .get("/api/v1/pipelines/runs/" + runId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void twentyConcurrentRunsOfOnePipelineAcceptExactlyOne() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + RestAssured.port + runPath(tenant, BILLING));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Callable<Integer> call = () -> {
                start.await();
                return http.send(
                                HttpRequest.newBuilder(uri)
                                        .header("X-API-Key", key)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"trigger_by\":\"race\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : results) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes).filteredOn(c -> c == 202).hasSize(1);
        assertThat(codes).filteredOn(c -> c == 409).hasSize(19);
        long stored = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM jobs WHERE exclusive_key = ?")) {
                ps.setString(1, tenant + "-gcp-cost-bill-sample-export-template");
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void anotherTenantsPathIsForbidden() {
        given().header("X-API-Key", otherKey)
                .contentType("application/json")
                .body("{}")
                .when()
                .post(runPath(tenant, BILLING))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("forbidden"));
    }

    @Test
    void unknownOrMalformedTemplatesAreNotFound() {
        given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{}")
                .when()
                .post(runPath(tenant, "/gcp/cost/no-such-template"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", containsString("pipeline-template-not-found"));
        given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{}")
                .when()
                .post(runPath(tenant, "/gcp/..%2F..%2Ftemplates/shopify"))
                .then()
                .statusCode(404);
    }

    @Test
    void aMalformedDateIsUnprocessable() {
        given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"date\":\"31/10/2025\"}")
                .when()
                .post(runPath(tenant, "/gcp/example/dryrun"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("date"));
    }

    @Test
    void unknownRunsAreNotFoundAndKeysAreRequired() {
        given().header("X-API-Key", key)
                .when()
                .get("/api/v1/pipelines/runs/job_nope")
                .then()
                .statusCode(404)
                .body("type", containsString("pipeline-run-not-found"));
        given().contentType("application/json")
                .body("{}")
                .when()
                .post(runPath(tenant, BILLING))
                .then()
                .statusCode(401);
    }

    @Test
    void customProvisionIsAcceptedWithItsTask() {
        String jobId = given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"customer_name\":\"Harbor Freight Lines\",\"industry\":\"logistics\","
                        + "\"website\":\"https://harborfreight.example\",\"use_cases\":[\"on-time delivery\"]}")
                .when()
                .post("/api/provision/custom")
                .then()
                .statusCode(202)
                .body("status", equalTo("queued"))
                .body("demo_id", notNullValue())
                .extract()
                .path("job_id");
        given().header("X-API-Key", key)
                .when()
                .get("/api/provision/status/" + jobId)
                .then()
                .statusCode(200)
                .body("type", equalTo("custom"))
                .body("payload.customer_name", equalTo("Harbor Freight Lines"))
                .body("payload.use_cases", contains("on-time delivery"));
        String path = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT path FROM tasks WHERE job_id = ?")) {
                ps.setString(1, jobId);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        assertThat(path).isEqualTo("/tasks/custom-provision");
    }

    @Test
    void customProvisionValidatesItsInput() {
        given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"customer_name\":\"\",\"industry\":\"retail\",\"website\":\"not a site\"}")
                .when()
                .post("/api/provision/custom")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }
}
