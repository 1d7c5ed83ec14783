package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.capidemo.api.support.Tenants;
import com.capidemo.core.testing.fuzz.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One test per edge rule the public API once broke: each names the rule it holds. */
@QuarkusTest
class EdgeRegressionTest {

    private static ValidatableResponse post(String key, String path, String body) {
        var request = given().header("X-Admin-Token", Tenants.ADMIN_TOKEN);
        if (key != null) {
            request = request.header("X-API-Key", key);
        }
        return request.contentType("application/json")
                .body(body)
                .when()
                .post(path)
                .then();
    }

    private static RawHttp.Response raw(String head, String body) {
        byte[] b = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        String request = head + "Host: localhost\r\nConnection: close\r\n"
                + (b == null ? "" : "Content-Length: " + b.length + "\r\n") + "\r\n";
        return RawHttp.send("localhost", RestAssured.port, request.getBytes(StandardCharsets.UTF_8), b);
    }

    private static void assertProblem(RawHttp.Response r, int status, String type) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        assertThat(r.body())
                .contains("\"type\":\"https://capi-demo.dev/problems/" + type + "\"")
                .doesNotContain("Exception")
                .doesNotContain("com.");
    }

    @Test
    void tenantIdsStartingWithADigitAre422NamingTheFieldNot500() {
        for (String id : new String[] {"12345", "123abc", "9zz"}) {
            post(null, "/api/v1/customers/onboard", "{\"tenant_id\":\"" + id + "\"}")
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("tenant_id"));
        }
        post(null, "/api/setup", "{\"project_id\":\"9project\"}")
                .statusCode(422)
                .body("errors[0].field", equalTo("project_id"));
    }

    @Test
    void duplicateKeysAre400ProblemJsonEverywhere() {
        String key = Tenants.onboardNew("dupkeys");
        String tenant = key.substring(0, key.indexOf("_api_"));
        String[][] cases = {
            {"/api/v1/customers/onboard", "{\"tenant_id\":\"dup_a\",\"tenant_id\":\"dup_b\"}"},
            {"/api/provision/quick", "{\"template_id\":\"shopify\",\"template_id\":\"x\"}"},
            {"/api/v1/pipelines/run/" + tenant + "/gcp/example/dryrun", "{\"trigger_by\":\"a\",\"trigger_by\":\"b\"}"},
            {"/api/setup", "{\"project_id\":\"abcdef\",\"project_id\":\"abcdefg\"}"},
            {"/api/chat", "{\"demo_id\":\"x\",\"demo_id\":\"y\",\"message\":\"hi\"}"},
            {"/api/provision/custom", "{\"customer_name\":\"a\",\"customer_name\":\"b\",\"industry\":\"retail\"}"}
        };
        for (String[] c : cases) {
            post(key, c[0], c[1])
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", containsString("malformed-request"))
                    .body("detail", containsString("duplicate key"));
        }
    }

    @Test
    void wrongTypesAre422NamingTheFieldAndANullBodyIsRefused() {
        String key = Tenants.onboardNew("types");
        String tenant = key.substring(0, key.indexOf("_api_"));
        post(null, "/api/v1/customers/onboard", "{\"tenant_id\":true}")
                .statusCode(422)
                .body("errors[0].field", equalTo("tenant_id"))
                .body("errors[0].message", equalTo("must be a string"));
        post(key, "/api/provision/quick", "{\"template_id\":\"shopify\",\"customer_name\":123}")
                .statusCode(422)
                .body("errors[0].field", equalTo("customer_name"));
        post(key, "/api/provision/custom", "{\"customer_name\":\"Acme\",\"industry\":true}")
                .statusCode(422)
                .body("errors[0].field", equalTo("industry"));
        post(key, "/api/provision/custom", "{\"customer_name\":\"Acme\",\"industry\":\"retail\",\"use_cases\":[1]}")
                .statusCode(422)
                .body("errors[0].field", equalTo("use_cases[0]"));
        post(key, "/api/v1/pipelines/run/" + tenant + "/gcp/example/dryrun", "null")
                .statusCode(422)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void bodiesWithoutJsonContentTypeOrWithAnotherCharsetAre415() {
        String key = Tenants.onboardNew("ctype");
        String body = "{\"template_id\":\"shopify\"}";
        assertProblem(
                raw("POST /api/provision/quick HTTP/1.1\r\nX-API-Key: " + key + "\r\n", body),
                415,
                "unsupported-media-type");
        assertProblem(
                raw(
                        "POST /api/provision/quick HTTP/1.1\r\nX-API-Key: " + key
                                + "\r\nContent-Type: application/json; charset=foo\r\n",
                        body),
                415,
                "unsupported-media-type");
        assertProblem(
                raw(
                        "POST /api/v1/customers/onboard HTTP/1.1\r\nX-Admin-Token: " + Tenants.ADMIN_TOKEN
                                + "\r\nContent-Type: application/json; charset=ISO-8859-1\r\n",
                        "{\"tenant_id\":\"latin_x\"}"),
                415,
                "unsupported-media-type");
    }

    @Test
    void errorsBelowJaxRsAreProblemJsonWithAStableType() {
        String big = "{\"tenant_id\":\"" + "x".repeat(2_000_000) + "\"}";
        assertProblem(
                raw("POST /api/v1/customers/onboard HTTP/1.1\r\nContent-Type: application/json\r\n", big),
                413,
                "request-entity-too-large");
        assertProblem(
                raw("GET /api/templates?q=" + "a".repeat(10_000) + " HTTP/1.1\r\n", null), 414, "request-uri-too-long");
        assertProblem(
                raw("GET /api/templates HTTP/1.1\r\nX-Big: " + "h".repeat(100_000) + "\r\n", null),
                431,
                "request-header-fields-too-large");
        assertProblem(raw("GET /api/templates/%zz HTTP/1.1\r\n", null), 400, "malformed-request");
        assertProblem(raw("GET /api/templates?industry=%zz HTTP/1.1\r\n", null), 400, "malformed-request");
        assertProblem(raw("GET /api/templates?% HTTP/1.1\r\n", null), 400, "malformed-request");
        String chunked = "POST /api/v1/customers/onboard HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        byte[] chunk = ("{\"tenant_id\":\"" + "x".repeat(1_500_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] body = (Integer.toHexString(chunk.length) + "\r\n" + new String(chunk, StandardCharsets.UTF_8)
                        + "\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(
                RawHttp.send("localhost", RestAssured.port, chunked.getBytes(StandardCharsets.UTF_8), body),
                413,
                "request-entity-too-large");
        assertProblem(raw("GET /api/templates/..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\n", null), 400, "malformed-request");
    }

    @Test
    void controlCharactersInUserTextAre422BeforeAnyJobExists() {
        String key = Tenants.onboardNew("ctrl");
        post(key, "/api/provision/custom", "{\"customer_name\":\"Nul\\u0000Co\",\"industry\":\"retail\"}")
                .statusCode(422)
                .body("errors[0].field", equalTo("customer_name"))
                .body("errors[0].message", equalTo("must not contain control characters"));
        post(key, "/api/provision/custom", "{\"customer_name\":\"Acme\",\"industry\":\"re\\u001btail\"}")
                .statusCode(422)
                .body("errors[0].field", equalTo("industry"));
        post(key, "/api/provision/quick", "{\"template_id\":\"shopify\",\"customer_name\":\"a\\u0085b\"}")
                .statusCode(422)
                .body("errors[0].field", equalTo("customer_name"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        String key = Tenants.onboardNew("headers");
        for (ValidatableResponse r : new ValidatableResponse[] {
            given().header("X-API-Key", key).when().get("/api/templates").then().statusCode(200),
            given().when().get("/api/templates").then().statusCode(401),
            given().when().get("/q/health/ready").then().statusCode(200)
        }) {
            r.header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", "no-store")
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-eval")))
                    .header("Content-Security-Policy", containsString("img-src 'self' data:"))
                    .header("Content-Security-Policy", containsString("connect-src 'self'"));
        }
        RawHttp.Response asset = raw("GET /assets/index-abc123.js HTTP/1.1\r\n", null);
        assertThat(asset.header("cache-control"))
                .as("hashed UI assets are not no-store")
                .isNotEqualTo("no-store");
        assertThat(asset.header("x-content-type-options")).isEqualTo("nosniff");
    }

    @Test
    void idsLongerThanTheirFormatAreRefusedAndNeverEchoedInFull() {
        String key = Tenants.onboardNew("longids");
        given().header("X-API-Key", key)
                .when()
                .get("/api/provision/status/" + "j".repeat(3000))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("instance.length()", org.hamcrest.Matchers.lessThan(300));
        for (String id : new String[] {"j".repeat(65), "job%20x", "job.x", "job%C3%A9"}) {
            given().header("X-API-Key", key)
                    .urlEncodingEnabled(false)
                    .when()
                    .get("/api/provision/status/" + id)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", containsString("malformed-request"))
                    .body("detail", containsString("job_id is not an id"));
        }
        given().header("X-API-Key", key)
                .urlEncodingEnabled(false)
                .when()
                .get("/api/demos/demo%20x")
                .then()
                .statusCode(400)
                .body("detail", containsString("demo_id is not an id"));
        given().header("X-API-Key", key)
                .when()
                .get("/api/provision/status/" + "j".repeat(64))
                .then()
                .statusCode(404)
                .body("detail.length()", org.hamcrest.Matchers.lessThan(120));
    }
}
