package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.capidemo.api.support.Tenants;
import com.capidemo.core.json.Json;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.port.JobStore;
import com.capidemo.local.SqliteDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisionResourceTest {

    @Inject
    SqliteDatabase db;

    @Inject
    JobStore jobs;

    private String key;
    private String otherKey;

    /** Onboarded on first use: RestAssured knows the test port only once a test runs. */
    @BeforeEach
    void tenants() {
        if (key != null) {
            return;
        }
        key = Tenants.onboardNew("prov");
        otherKey = Tenants.onboardNew("other");
    }

    private ExtractableResponse<Response> provision(String apiKey, String body) {
        return given().header("X-API-Key", apiKey)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/provision/quick")
                .then()
                .extract();
    }

    @Test
    void quickProvisionIsAcceptedAtOnceWithJobAndOutboxWrittenTogether() {
        var accepted = given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"template_id\":\"shopify\",\"customer_name\":\"Acme\"}")
                .when()
                .post("/api/provision/quick")
                .then()
                .statusCode(202)
                .body("status", equalTo("queued"))
                .body("job_id", notNullValue())
                .body("demo_id", notNullValue())
                .body("status_url", containsString("/api/provision/status/"))
                .header("Location", containsString("/api/provision/status/job_"))
                .extract();
        String jobId = accepted.path("job_id");
        String demoId = accepted.path("demo_id");

        given().header("X-API-Key", key)
                .when()
                .get(accepted.<String>path("status_url"))
                .then()
                .statusCode(200)
                .body("job_id", equalTo(jobId))
                .body("demo_id", equalTo(demoId))
                .body("type", equalTo("quick"))
                .body("status", equalTo("queued"))
                .body("progress", equalTo(0))
                .body("logs", hasSize(1))
                .body("logs[0].ts", notNullValue())
                .body("payload.customer_name", equalTo("Acme"));
        given().header("X-API-Key", key)
                .when()
                .get("/api/demos/" + demoId)
                .then()
                .statusCode(200)
                .body("status", equalTo("provisioning"))
                .body("template_id", equalTo("shopify"));

        Map<String, Object> outbox = db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT topic, status, data, attributes FROM outbox WHERE job_id = ?")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("outbox row for the job").isTrue();
                    return Map.of(
                            "topic",
                            rs.getString(1),
                            "status",
                            rs.getString(2),
                            "message",
                            ProvisionMessage.fromBytes(rs.getBytes(3)),
                            "attributes",
                            Json.map(rs.getString(4)));
                }
            }
        });
        assertThat(outbox.get("topic")).isEqualTo("provision-jobs");
        assertThat(outbox.get("status")).isEqualTo("pending");
        assertThat(((ProvisionMessage) outbox.get("message")).jobId()).isEqualTo(jobId);
        assertThat((Map<String, Object>) outbox.get("attributes")).containsEntry("job_type", "quick");
    }

    @Test
    void customerNameDefaultsToTheTemplateName() {
        String demoId = provision(key, "{\"template_id\":\"shopify\"}").path("demo_id");
        given().header("X-API-Key", key)
                .when()
                .get("/api/demos/" + demoId)
                .then()
                .statusCode(200)
                .body("customer_name", equalTo("Shopify E-commerce Analytics"));
    }

    @Test
    void unknownTemplateIs404() {
        given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"template_id\":\"nope\"}")
                .when()
                .post("/api/provision/quick")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", containsString("template-not-found"));
    }

    @Test
    void missingTemplateIdIs422NamingTheField() {
        given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"customer_name\":\"Acme\"}")
                .when()
                .post("/api/provision/quick")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("template_id"));
    }

    @Test
    void malformedEmptyAndWronglyTypedBodiesAreClientErrors() {
        given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"template_id\":")
                .when()
                .post("/api/provision/quick")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("X-API-Key", key)
                .contentType("application/json")
                .when()
                .post("/api/provision/quick")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        // A value of the wrong type is 422 naming the field (no coercion, no 400 for a well-formed body).
        given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"template_id\":{\"a\":1}}")
                .when()
                .post("/api/provision/quick")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("template_id"))
                .body("errors[0].message", equalTo("must be a string"));
        given().header("X-API-Key", key)
                .contentType("text/plain")
                .body("shopify")
                .when()
                .post("/api/provision/quick")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"template_id\":\"shopify\",\"customer_name\":\"" + "x".repeat(121) + "\"}")
                .when()
                .post("/api/provision/quick")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("customer_name"));
    }

    @Test
    void anotherTenantSeesNeitherTheJobNorTheDemo() {
        var accepted = provision(key, "{\"template_id\":\"shopify\"}");
        given().header("X-API-Key", otherKey)
                .when()
                .get("/api/provision/status/" + accepted.path("job_id"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("X-API-Key", otherKey)
                .when()
                .get("/api/demos/" + accepted.path("demo_id"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("X-API-Key", otherKey)
                .when()
                .get("/api/demos")
                .then()
                .statusCode(200)
                .body("demos.demo_id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((String)
                        accepted.path("demo_id"))));
        given().header("X-API-Key", key)
                .when()
                .get("/api/demos")
                .then()
                .statusCode(200)
                .body("demos.demo_id", org.hamcrest.Matchers.hasItem((String) accepted.path("demo_id")));
    }

    @Test
    void eventsStreamEachVersionOfTheJobAndEndWithTheFinishedOne() throws Exception {
        var accepted = provision(key, "{\"template_id\":\"shopify\"}");
        String jobId = accepted.path("job_id");

        // Read the stream as it arrives: the job is failed only after its first (queued) version was sent, so the
        // test does not depend on how fast this machine opens the stream.
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                + "/api/provision/status/" + jobId + "/events"))
                .header("X-API-Key", key)
                .header("Accept", "text/event-stream")
                .timeout(java.time.Duration.ofSeconds(30))
                .build();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> response =
                client.send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = new java.util.ArrayList<>();
        java.util.Iterator<String> lines = response.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:")) {
                events.add(line);
                if (events.size() == 1) {
                    jobs.fail(jobId, null, "stopped by the test");
                }
            }
        }

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains("\"status\":\"queued\"");
        assertThat(events.get(1)).contains("\"status\":\"failed\"").contains("stopped by the test");
        given().header("X-API-Key", otherKey)
                .accept("text/event-stream")
                .when()
                .get("/api/provision/status/" + jobId + "/events")
                .then()
                .statusCode(404);
    }

    @Test
    void unknownJobIs404() {
        given().header("X-API-Key", key)
                .when()
                .get("/api/provision/status/job_nope")
                .then()
                .statusCode(404)
                .body("type", containsString("job-not-found"));
    }
}
