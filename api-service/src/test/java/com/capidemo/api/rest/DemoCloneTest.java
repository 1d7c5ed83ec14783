package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.capidemo.api.support.ReadyDemos;
import com.capidemo.api.support.Tenants;
import com.capidemo.api.support.Users;
import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.local.SqliteDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** POST /api/demos/{id}/clone: who may clone what, the job and demo it writes, and what it refuses. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCloneTest {

    @Inject
    ReadyDemos readyDemos;

    @Inject
    Users users;

    @Inject
    DemoStore demos;

    @Inject
    JobStore jobs;

    @Inject
    SqliteDatabase db;

    private String tenant;
    private String adminKey;
    private String ownerKey;
    private String colleagueKey;
    private String otherTenantKey;
    private String owner;
    private String colleague;

    @BeforeEach
    void setUp() {
        if (adminKey != null) {
            return;
        }
        adminKey = Tenants.onboardNew("clone");
        tenant = ReadyDemos.tenantOf(adminKey);
        owner = "owner@" + tenant + ".example";
        colleague = "colleague@" + tenant + ".example";
        ownerKey = users.key(tenant, owner, ApiKey.MEMBER);
        colleagueKey = users.key(tenant, colleague, ApiKey.MEMBER);
        otherTenantKey = Tenants.onboardNew("other");
    }

    private static ValidatableResponse clone(String key, String demoId, String body) {
        var request = given().header("X-API-Key", key);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.when().post("/api/demos/" + demoId + "/clone").then();
    }

    @Test
    void theOwnerClonesAReadyDemoInto202WithAQueuedCloneJobAndAProvisioningDemo() {
        String source = readyDemos.ready(tenant, "shopify", owner);

        ValidatableResponse accepted = clone(ownerKey, source, "{\"new_customer_name\":\"  Cloned Corp \"}")
                .statusCode(202)
                .body("status", equalTo("queued"))
                .body("job_id", startsWith("job_"))
                .body("demo_id", not(equalTo(source)));
        String jobId = accepted.extract().path("job_id");
        String demoId = accepted.extract().path("demo_id");
        accepted.body("status_url", equalTo("/api/provision/status/" + jobId))
                .header("Location", endsWith("/api/provision/status/" + jobId));

        given().header("X-API-Key", ownerKey)
                .when()
                .get("/api/provision/status/" + jobId)
                .then()
                .statusCode(200)
                .body("type", equalTo("clone"))
                .body("status", equalTo("queued"))
                .body("demo_id", equalTo(demoId))
                .body("created_by", equalTo(owner));
        given().header("X-API-Key", ownerKey)
                .when()
                .get("/api/demos/" + demoId)
                .then()
                .statusCode(200)
                .body("status", equalTo("provisioning"))
                .body("customer_name", equalTo("Cloned Corp"))
                .body("created_by", equalTo(owner))
                .body("template_id", equalTo("shopify"))
                .body("source_demo_id", equalTo(source));
        Job job = jobs.find(jobId).orElseThrow();
        assertThat(job.type()).isEqualTo(JobType.CLONE);
        assertThat(job.sourceDemoId()).isEqualTo(source);
        assertThat(jobs.activeJobFor(source))
                .as("the source is busy while its clone is queued")
                .contains(jobId);
    }

    @Test
    void aColleagueOfTheSameTenantMayCloneAReadyDemoAndOwnsTheClone() {
        String source = readyDemos.ready(tenant, "banking", owner);

        String demoId = clone(colleagueKey, source, "{\"new_customer_name\":\"Harbor Bank\"}")
                .statusCode(202)
                .extract()
                .path("demo_id");

        Demo cloneDemo = demos.find(demoId).orElseThrow();
        assertThat(cloneDemo.createdBy()).isEqualTo(colleague);
        assertThat(cloneDemo.tenantId()).isEqualTo(tenant);
        given().header("X-API-Key", colleagueKey)
                .queryParam("created_by", colleague)
                .when()
                .get("/api/demos")
                .then()
                .statusCode(200)
                .body("demos.demo_id", hasItem(demoId));
        assertThat(demos.find(source).orElseThrow().createdBy())
                .as("the source keeps its owner")
                .isEqualTo(owner);
    }

    @Test
    void withoutABodyOrANameTheCloneIsNamedAfterItsSource() {
        String source = readyDemos.ready(tenant, "shopify", owner);

        String bare = clone(ownerKey, source, null).statusCode(202).extract().path("demo_id");
        String empty = clone(ownerKey, source, "{}").statusCode(202).extract().path("demo_id");
        String blank = clone(ownerKey, source, "{\"new_customer_name\":\"   \"}")
                .statusCode(202)
                .extract()
                .path("demo_id");

        for (String id : new String[] {bare, empty, blank}) {
            assertThat(demos.find(id).orElseThrow().customerName()).isEqualTo("Acme (copy)");
        }
    }

    @Test
    void anotherTenantsDemoIsTheSame404AsAMissingOne() {
        String source = readyDemos.ready(tenant, "shopify", owner);

        clone(otherTenantKey, source, "{}")
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/demo-not-found"));
        clone(ownerKey, "demo_00000000", "{}").statusCode(404).contentType("application/problem+json");
        assertThat(jobs.activeJobFor(source)).isEmpty();
    }

    @Test
    void aNameLongerThanQuickProvisioningAllowsIs422NamingTheField() {
        String source = readyDemos.ready(tenant, "shopify", owner);

        clone(ownerKey, source, "{\"new_customer_name\":\"" + "x".repeat(121) + "\"}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("new_customer_name")));
        clone(ownerKey, source, "{\"new_customer_name\":").statusCode(400).contentType("application/problem+json");
        clone(ownerKey, source, "{\"new_customer_name\":\"" + "x".repeat(120) + "\"}")
                .statusCode(202);
    }

    @Test
    void aDemoThatIsNotReadyCannotBeClonedAndNothingIsQueued() {
        String provisioning = readyDemos.queued(tenant, "shopify", owner);
        String failed = readyDemos.queued(tenant, "shopify", owner);
        jobs.fail(jobs.activeJobFor(failed).orElseThrow(), null, "gave up");
        demos.markFailed(failed, "gave up");
        String archived = readyDemos.ready(tenant, "shopify", owner);
        db.write(c -> {
            try (var st = c.prepareStatement("UPDATE demos SET status = 'archived' WHERE demo_id = ?")) {
                st.setString(1, archived);
                return st.executeUpdate();
            }
        });
        String deleted = readyDemos.ready(tenant, "shopify", owner);
        given().header("X-API-Key", ownerKey)
                .when()
                .delete("/api/demos/" + deleted)
                .then()
                .statusCode(204);

        for (String id : new String[] {provisioning, failed, archived, deleted}) {
            DemoStatus status = demos.find(id).orElseThrow().status();
            clone(ownerKey, id, "{}")
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/demo-not-ready"))
                    .body("detail", containsString("is " + status.wire()));
        }
        assertThat(jobs.activeJobFor(failed)).isEmpty();
        assertThat(jobs.activeJobFor(archived)).isEmpty();
    }

    @Test
    void theSourceOfAQueuedCloneCannotBeDeletedUntilTheCloneFinished() {
        String source = readyDemos.ready(tenant, "shopify", owner);
        clone(colleagueKey, source, "{}").statusCode(202);

        given().header("X-API-Key", ownerKey)
                .when()
                .delete("/api/demos/" + source)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/demo-busy"));
        assertThat(demos.find(source).orElseThrow().status()).isEqualTo(DemoStatus.READY);
    }

    @Test
    void withoutAKeyItIs401() {
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/demos/demo_x/clone")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
