package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.capidemo.api.support.ReadyDemos;
import com.capidemo.api.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Users of a tenant: admins issue, list and revoke API keys; a user's email is the actor on demos and jobs. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyResourceTest {

    private String tenant;
    private String adminKey;
    private String otherAdminKey;

    @BeforeEach
    void setUp() {
        if (adminKey != null) {
            return;
        }
        adminKey = Tenants.onboardNew("keys");
        tenant = ReadyDemos.tenantOf(adminKey);
        otherAdminKey = Tenants.onboardNew("other");
    }

    private String path() {
        return "/api/v1/tenants/" + tenant + "/api-keys";
    }

    private ExtractableResponse<Response> issue(String key, String tenantId, String email, String role) {
        return given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"user_email\":\"" + email + "\",\"role\":\"" + role + "\"}")
                .when()
                .post("/api/v1/tenants/" + tenantId + "/api-keys")
                .then()
                .extract();
    }

    @Test
    void anAdminIssuesAKeyShownOnceWhoseUserIsTheActorOnDemosAndJobs() {
        ExtractableResponse<Response> issued = issue(adminKey, tenant, "ana@" + tenant + ".example", "member");
        assertThat(issued.statusCode()).isEqualTo(201);
        String key = issued.path("api_key");
        assertThat(key).startsWith(tenant + "_api_");
        assertThat((String) issued.path("key_id")).matches("key_[0-9a-f]{16}");
        assertThat((String) issued.path("role")).isEqualTo("member");

        var accepted = given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"template_id\":\"shopify\"}")
                .when()
                .post("/api/provision/quick")
                .then()
                .statusCode(202)
                .extract();
        given().header("X-API-Key", key)
                .when()
                .get("/api/demos/" + accepted.path("demo_id"))
                .then()
                .statusCode(200)
                .body("created_by", equalTo("ana@" + tenant + ".example"));
        given().header("X-API-Key", key)
                .when()
                .get("/api/provision/status/" + accepted.path("job_id"))
                .then()
                .statusCode(200)
                .body("created_by", equalTo("ana@" + tenant + ".example"));
    }

    @Test
    void theListNamesKeysByIdAndUserWithoutAnySecret() {
        ExtractableResponse<Response> issued = issue(adminKey, tenant, "bo@" + tenant + ".example", "admin");
        String key = issued.path("api_key");
        String body = given().header("X-API-Key", adminKey)
                .when()
                .get(path())
                .then()
                .statusCode(200)
                .body("tenant_id", equalTo(tenant))
                .body("api_keys.key_id", hasItem((String) issued.path("key_id")))
                .body("api_keys.user_email", hasItem("bo@" + tenant + ".example"))
                .body("api_keys.key_id", not(hasItem(matchesPattern("[0-9a-f]{64}"))))
                .extract()
                .asString();
        assertThat(body)
                .doesNotContain(key)
                .doesNotContain(com.capidemo.api.security.ApiKeys.hash(key))
                .doesNotContain("encrypted")
                .doesNotContain("key_hash");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndRevokingAgainIs204() {
        ExtractableResponse<Response> issued = issue(adminKey, tenant, "cy@" + tenant + ".example", "member");
        String key = issued.path("api_key");
        String keyId = issued.path("key_id");
        given().header("X-API-Key", key).when().get("/api/templates").then().statusCode(200);

        given().header("X-API-Key", adminKey)
                .when()
                .delete(path() + "/" + keyId)
                .then()
                .statusCode(204);
        given().header("X-API-Key", key)
                .when()
                .get("/api/templates")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-API-Key", adminKey)
                .when()
                .delete(path() + "/" + keyId)
                .then()
                .statusCode(204);
        given().header("X-API-Key", adminKey).when().get(path()).then().statusCode(200);
        given().header("X-API-Key", adminKey)
                .when()
                .delete(path() + "/key_0000000000000000")
                .then()
                .statusCode(404)
                .body("type", endsWith("/api-key-not-found"));
    }

    @Test
    void aMemberMayNotManageKeys() {
        String member =
                issue(adminKey, tenant, "di@" + tenant + ".example", "member").path("api_key");
        assertThat(issue(member, tenant, "eve@" + tenant + ".example", "admin").statusCode())
                .isEqualTo(403);
        given().header("X-API-Key", member)
                .when()
                .get(path())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/forbidden"));
        String keyId =
                issue(adminKey, tenant, "fay@" + tenant + ".example", "member").path("key_id");
        given().header("X-API-Key", member)
                .when()
                .delete(path() + "/" + keyId)
                .then()
                .statusCode(403);
    }

    @Test
    void anotherTenantsAdminIsForbiddenWhetherTheTenantExistsOrNot() {
        assertThat(issue(otherAdminKey, tenant, "gil@x.example", "member").statusCode())
                .isEqualTo(403);
        given().header("X-API-Key", otherAdminKey).when().get(path()).then().statusCode(403);
        String keyId =
                issue(adminKey, tenant, "hal@" + tenant + ".example", "member").path("key_id");
        given().header("X-API-Key", otherAdminKey)
                .when()
                .delete(path() + "/" + keyId)
                .then()
                .statusCode(403);
        assertThat(issue(otherAdminKey, "no_such_tenant", "gil@x.example", "member")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theLastAdminKeyCannotBeRevoked() {
        String solo = Tenants.onboardNew("solo");
        String soloTenant = ReadyDemos.tenantOf(solo);
        String onlyAdmin = given().header("X-API-Key", solo)
                .when()
                .get("/api/v1/tenants/" + soloTenant + "/api-keys")
                .then()
                .statusCode(200)
                .extract()
                .path("api_keys[0].key_id");
        given().header("X-API-Key", solo)
                .when()
                .delete("/api/v1/tenants/" + soloTenant + "/api-keys/" + onlyAdmin)
                .then()
                .statusCode(409)
                .body("type", endsWith("/last-admin-key"));
        given().header("X-API-Key", solo).when().get("/api/templates").then().statusCode(200);
    }

    @Test
    void aBadEmailOrRoleIs422NamingTheField() {
        ExtractableResponse<Response> role = issue(adminKey, tenant, "ok@" + tenant + ".example", "owner");
        assertThat(role.statusCode()).isEqualTo(422);
        assertThat((String) role.path("errors[0].field")).isEqualTo("role");
        ExtractableResponse<Response> email = issue(adminKey, tenant, "not-an-email", "member");
        assertThat(email.statusCode()).isEqualTo(422);
        assertThat((String) email.path("errors[0].field")).isEqualTo("user_email");
        given().header("X-API-Key", adminKey)
                .contentType("application/json")
                .body("{\"user_email\":")
                .when()
                .post(path())
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }
}
