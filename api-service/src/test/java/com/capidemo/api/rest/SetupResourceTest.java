package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.capidemo.api.support.Tenants;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.port.DemoStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SetupResourceTest {

    @Inject
    DemoStore demos;

    private static ExtractableResponse<Response> setup(String projectId) {
        return given().header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                .contentType("application/json")
                .body("{\"project_id\":\"" + projectId + "\"}")
                .when()
                .post("/api/setup")
                .then()
                .extract();
    }

    @Test
    void aNewProjectIsOnboardedAndItsDefaultDemoProvisionedAndASecondCallReusesBoth() {
        String project = "acme-" + Ids.randomHex(3);
        String tenant = project.replace('-', '_');
        ExtractableResponse<Response> first = setup(project);
        assertThat(first.statusCode()).isEqualTo(202);
        String key = first.path("api_key");
        assertThat(key).startsWith(tenant + "_api_");
        assertThat(first.<String>path("tenant_id")).isEqualTo(tenant);
        assertThat(first.<Boolean>path("tenant_created")).isTrue();
        String demoId = first.path("demo_id");

        given().header("X-API-Key", key)
                .when()
                .get("/api/demos/" + demoId)
                .then()
                .statusCode(200)
                .body("template_id", equalTo("shopify"))
                .body("customer_name", equalTo(project));

        given().header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                .contentType("application/json")
                .body("{\"project_id\":\"" + project + "\"}")
                .when()
                .post("/api/setup")
                .then()
                .statusCode(200)
                .body("demo_id", equalTo(demoId))
                .body("api_key", nullValue())
                .body("tenant_created", equalTo(false))
                .body("job_id", nullValue());
    }

    @Test
    void chatCanAddressTheSetUpDemoByProjectButNotAnotherTenantsProject() {
        String project = "chat-" + Ids.randomHex(3);
        String key = setup(project).path("api_key");
        // The demo is still provisioning in this test (no worker): the project resolves to it, so chat answers 409.
        given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"project_id\":\"" + project + "\",\"message\":\"How many orders?\"}")
                .when()
                .post("/api/chat")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        String other = Tenants.onboardNew("setupother");
        given().header("X-API-Key", other)
                .contentType("application/json")
                .body("{\"project_id\":\"" + project + "\",\"message\":\"How many orders?\"}")
                .when()
                .post("/api/chat")
                .then()
                .statusCode(404);
        given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"message\":\"hi\"}")
                .when()
                .post("/api/chat")
                .then()
                .statusCode(422)
                .body("detail", containsString("demo_id"));
    }

    @Test
    void aProjectWithHundredsOfNewerDemosIsFoundDirectlyAndGetsNoSecondDemo() {
        String project = "busy-" + Ids.randomHex(3);
        String tenant = project.replace('-', '_');
        String demoId = setup(project).path("demo_id");
        Instant later = Instant.now().plusSeconds(60);
        for (int i = 0; i < 600; i++) {
            demos.create(Demo.provisioning(
                    Ids.demoId(),
                    tenant,
                    "ce@" + tenant + ".example",
                    "Other " + i,
                    "Retail",
                    "shopify",
                    later.plusMillis(i)));
        }
        ExtractableResponse<Response> again = setup(project);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.<String>path("demo_id")).isEqualTo(demoId);
    }

    @Test
    void setupNeedsTheAdminTokenAndAValidProjectId() {
        given().contentType("application/json")
                .body("{\"project_id\":\"acme-prod\"}")
                .when()
                .post("/api/setup")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                .contentType("application/json")
                .body("{\"project_id\":\"Bad_Project!\"}")
                .when()
                .post("/api/setup")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("project_id"));
        given().header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/setup")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("project_id"));
    }
}
