package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.capidemo.api.support.ReadyDemos;
import com.capidemo.api.support.Users;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.Warehouse;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** DELETE /api/demos/{id}: who may, what it drops, what it keeps, and that it can be repeated. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDeletionTest {

    @Inject
    ReadyDemos readyDemos;

    @Inject
    Users users;

    @Inject
    Warehouse warehouse;

    @Inject
    DataAgents agents;

    @Inject
    DemoStore demos;

    @Inject
    JobStore jobs;

    private Users.Team team;

    @BeforeEach
    void setUp() {
        if (team != null) {
            return;
        }
        team = users.team("del");
    }

    private io.restassured.response.ValidatableResponse delete(String key, String demoId) {
        return given().header("X-API-Key", key)
                .when()
                .delete("/api/demos/" + demoId)
                .then();
    }

    @Test
    void theOwnerDeletesTheirDemoAndItsDatasetAndAgentAreGoneButTheRecordStays() {
        String demoId = readyDemos.ready(team.tenant(), "shopify", team.owner());
        String agentId = demos.find(demoId).orElseThrow().agentId();
        assertThat(warehouse.datasetExists(demoId)).isTrue();

        delete(team.ownerKey(), demoId).statusCode(204);

        given().header("X-API-Key", team.ownerKey())
                .when()
                .get("/api/demos/" + demoId)
                .then()
                .statusCode(200)
                .body("status", equalTo("deleted"))
                .body("deleted_at", notNullValue())
                .body("dataset_id", nullValue())
                .body("agent_id", nullValue())
                .body("customer_name", equalTo("Acme"));
        assertThat(warehouse.datasetExists(demoId)).isFalse();
        assertThat(agents.find(agentId)).isEmpty();
    }

    @Test
    void deletingADeletedDemoAgainIs204AndChangesNothing() {
        String demoId = readyDemos.ready(team.tenant(), "shopify", team.owner());
        delete(team.ownerKey(), demoId).statusCode(204);
        var first = demos.find(demoId).orElseThrow().deletedAt();
        delete(team.ownerKey(), demoId).statusCode(204);
        delete(team.adminKey(), demoId).statusCode(204);
        assertThat(demos.find(demoId).orElseThrow().deletedAt()).isEqualTo(first);
    }

    @Test
    void aTenantAdminMayDeleteAnotherUsersDemo() {
        String demoId = readyDemos.ready(team.tenant(), "shopify", team.owner());
        delete(team.adminKey(), demoId).statusCode(204);
        assertThat(warehouse.datasetExists(demoId)).isFalse();
    }

    @Test
    void anotherMemberOfTheTenantIsForbiddenAndTheDemoStays() {
        String demoId = readyDemos.ready(team.tenant(), "shopify", team.owner());
        delete(team.colleagueKey(), demoId)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/forbidden"));
        assertThat(demos.find(demoId).orElseThrow().status().wire()).isEqualTo("ready");
        assertThat(warehouse.datasetExists(demoId)).isTrue();
    }

    @Test
    void anotherTenantGetsTheSame404AsForAMissingDemo() {
        String demoId = readyDemos.ready(team.tenant(), "shopify", team.owner());
        delete(team.otherTenantKey(), demoId)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/demo-not-found"));
        delete(team.ownerKey(), "demo_00000000").statusCode(404);
        assertThat(warehouse.datasetExists(demoId)).isTrue();
    }

    @Test
    void aDemoWhoseJobIsStillQueuedIsAConflictAndNothingIsDropped() {
        String demoId = readyDemos.queued(team.tenant(), "shopify", team.owner());
        warehouse.createDataset(demoId, Map.of());

        delete(team.ownerKey(), demoId)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/demo-busy"));
        assertThat(warehouse.datasetExists(demoId)).isTrue();
        assertThat(demos.find(demoId).orElseThrow().status().wire()).isEqualTo("provisioning");
    }

    @Test
    void aFailedDemoIsDeletedWithTheDatasetAndAgentAFailedAttemptLeftBehind() {
        String demoId = readyDemos.queued(team.tenant(), "shopify", team.owner());
        warehouse.createDataset(demoId, Map.of());
        String leftAgent = agents.createAgent(new com.capidemo.core.port.AgentSpec(
                demoId, team.tenant(), demoId, java.util.List.of(), "", java.util.List.of()));
        jobs.fail(jobs.activeJobFor(demoId).orElseThrow(), null, "gave up");
        demos.markFailed(demoId, "gave up");

        delete(team.ownerKey(), demoId).statusCode(204);
        assertThat(warehouse.datasetExists(demoId)).isFalse();
        assertThat(agents.find(leftAgent)).isEmpty();
    }
}
