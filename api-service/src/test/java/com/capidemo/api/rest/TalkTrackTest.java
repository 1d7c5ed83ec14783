package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.capidemo.api.support.ReadyDemos;
import com.capidemo.api.support.Users;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.service.ReadinessJobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A demo's talk track: golden questions added (from a question and SQL or a chat answer), reordered, renamed and
 * removed, and the agent's system instruction, by the owner or a tenant admin; each edit updates the agent's published
 * context and queues a readiness job of its own that scores the edited talk track (nothing is scored in the request).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TalkTrackTest {

    private static final String LOCATIONS_BY_TYPE =
            "SELECT location_type, count(*) AS locations FROM locations GROUP BY location_type ORDER BY location_type";

    @Inject
    ReadyDemos readyDemos;

    @Inject
    Users users;

    @Inject
    DemoStore demos;

    @Inject
    DataAgents agents;

    private Users.Team team;
    private String demoId;
    private String otherDemoId;

    @BeforeEach
    void setUp() {
        if (team != null) {
            return;
        }
        team = users.team("talk");
        demoId = readyDemos.ready(team.tenant(), "shopify", team.owner());
        otherDemoId = readyDemos.ready(team.tenant(), "shopify", team.owner());
    }

    @Inject
    JobStore jobs;

    /** The readiness jobs queued to score a demo again after edits of its talk track, each checked to be queued. */
    private List<Job> rescoreJobsOf(String demo) {
        List<Job> found = jobs.listByTenant(team.tenant(), 500).stream()
                .filter(j -> j.jobId().startsWith(ReadinessJobs.jobIdFor(demo) + "_"))
                .toList();
        assertThat(found).allSatisfy(j -> {
            assertThat(j.type()).isEqualTo(JobType.READINESS);
            assertThat(j.status()).isEqualTo(JobStatus.QUEUED);
        });
        return found;
    }

    private String fresh() {
        return readyDemos.ready(team.tenant(), "shopify", team.owner());
    }

    private static ValidatableResponse post(String key, String demoId, Object body) {
        return given().header("X-API-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/demos/" + demoId + "/golden-queries")
                .then();
    }

    private static List<String> ids(String key, String demoId) {
        return given().header("X-API-Key", key)
                .when()
                .get("/api/demos/" + demoId + "/golden-queries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("golden_queries.id");
    }

    @Test
    void theOwnerAddsAQuestionWithItsSqlAndTheDemoGetsItsOwnTalkTrackWhileItsTemplatesStayShared() {
        String demo = fresh();
        List<GoldenQuery> before = demos.find(demo).orElseThrow().goldenQueries();

        String id = post(
                        team.ownerKey(),
                        demo,
                        Map.of("question", "Which kinds of locations do we run?", "sql", LOCATIONS_BY_TYPE))
                .statusCode(201)
                .body("id", startsWith("gq_"))
                .body("question", equalTo("Which kinds of locations do we run?"))
                .body("sql", equalTo(LOCATIONS_BY_TYPE))
                .body("readiness.total", equalTo(before.size()))
                .body("readiness_job", startsWith(ReadinessJobs.jobIdFor(demo) + "_"))
                .extract()
                .path("id");

        List<GoldenQuery> after = demos.find(demo).orElseThrow().goldenQueries();
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.get(after.size() - 1).question()).isEqualTo("Which kinds of locations do we run?");
        assertThat(demos.find(otherDemoId).orElseThrow().goldenQueries())
                .as("another demo of the template")
                .containsExactlyElementsOf(before);
        assertThat(agents.find(demos.find(demo).orElseThrow().agentId())
                        .orElseThrow()
                        .goldenQueries())
                .as("the agent answers with the new talk track")
                .hasSize(before.size() + 1);
        assertThat(demos.find(demo).orElseThrow().readiness().total())
                .as("not scored in the request")
                .isEqualTo(before.size());
        assertThat(rescoreJobsOf(demo))
                .as("one readiness job queued for the edit")
                .hasSize(1);
        assertThat(ids(team.colleagueKey(), demo)).endsWith(id);

        // The agent now answers the curated question with its SQL.
        given().header("X-API-Key", team.ownerKey())
                .contentType(ContentType.JSON)
                .body(Map.of("demo_id", demo, "message", "Which kinds of locations do we run?"))
                .when()
                .post("/api/chat")
                .then()
                .statusCode(200)
                .body("sql", equalTo(LOCATIONS_BY_TYPE));
    }

    @Test
    void aChatAnswerIsAddedByConversationAndTurn() {
        String demo = fresh();
        String conversation = given().header("X-API-Key", team.ownerKey())
                .contentType(ContentType.JSON)
                .body(Map.of("demo_id", demo, "message", "How many customers are there?"))
                .when()
                .post("/api/chat")
                .then()
                .statusCode(200)
                .extract()
                .path("conversation_id");
        String sql = given().header("X-API-Key", team.ownerKey())
                .when()
                .get("/api/chat/conversations/" + conversation)
                .then()
                .statusCode(200)
                .extract()
                .path("turns[0].sql");
        assertThat(sql).isNotBlank();

        String id = post(team.adminKey(), demo, Map.of("conversation_id", conversation, "turn", 1))
                .statusCode(201)
                .body("question", equalTo("How many customers are there?"))
                .body("sql", equalTo(sql.strip().replaceAll(";+$", "").strip()))
                .extract()
                .path("id");
        assertThat(ids(team.ownerKey(), demo)).contains(id);
        post(team.ownerKey(), demo, Map.of("conversation_id", conversation, "turn", 1))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/golden-query-exists"));
        post(team.ownerKey(), demo, Map.of("conversation_id", conversation, "turn", 7))
                .statusCode(422)
                .body("errors.field", hasItem("turn"));
        post(team.ownerKey(), otherDemoId, Map.of("conversation_id", conversation, "turn", 1))
                .statusCode(422)
                .body("errors.field", hasItem("conversation_id"));
        post(team.ownerKey(), demo, Map.of("conversation_id", conversation, "turn", 1, "question", "Q"))
                .statusCode(422);
    }

    @Test
    void sqlThatWritesReadsElsewhereFailsOrReturnsNoRowsIs422NamingTheField() {
        for (String bad : new String[] {
            "DELETE FROM locations",
            "SELECT * FROM read_csv('/etc/passwd')",
            "SELECT * FROM locations; SELECT 1",
            "SELECT no_such_column FROM locations",
            "SELECT name FROM locations WHERE location_id < 0",
            "SELECT * FROM another_tenants_table"
        }) {
            post(team.ownerKey(), demoId, Map.of("question", "Bad?", "sql", bad))
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("sql"))
                    .body("detail", not(org.hamcrest.Matchers.containsString("/tmp")));
        }
        post(team.ownerKey(), demoId, Map.of("question", " ", "sql", LOCATIONS_BY_TYPE))
                .statusCode(422)
                .body("errors.field", hasItem("question"));
        post(team.ownerKey(), demoId, Map.of("question", "No SQL?"))
                .statusCode(422)
                .body("errors.field", hasItem("sql"));
    }

    @Test
    void aMemberIsForbiddenAnotherTenantSeesNothingAndAProvisioningDemoIsAConflict() {
        Map<String, String> body = Map.of("question", "Kinds?", "sql", LOCATIONS_BY_TYPE);
        String first = ids(team.ownerKey(), demoId).get(0);
        post(team.colleagueKey(), demoId, body).statusCode(403).body("type", endsWith("/forbidden"));
        given().header("X-API-Key", team.colleagueKey())
                .contentType(ContentType.JSON)
                .body(Map.of("ids", List.of(first)))
                .when()
                .put("/api/demos/" + demoId + "/golden-queries")
                .then()
                .statusCode(403);
        given().header("X-API-Key", team.colleagueKey())
                .when()
                .delete("/api/demos/" + demoId + "/golden-queries/" + first)
                .then()
                .statusCode(403);
        given().header("X-API-Key", team.colleagueKey())
                .contentType(ContentType.JSON)
                .body(Map.of("system_instruction", "x"))
                .when()
                .patch("/api/demos/" + demoId + "/agent")
                .then()
                .statusCode(403);

        post(team.otherTenantKey(), demoId, body).statusCode(404).body("type", endsWith("/demo-not-found"));
        given().header("X-API-Key", team.otherTenantKey())
                .when()
                .get("/api/demos/" + demoId + "/golden-queries")
                .then()
                .statusCode(404);
        given().header("X-API-Key", team.otherTenantKey())
                .when()
                .delete("/api/demos/" + demoId + "/golden-queries/" + first)
                .then()
                .statusCode(404);
        given().header("X-API-Key", team.otherTenantKey())
                .contentType(ContentType.JSON)
                .body(Map.of("system_instruction", "x"))
                .when()
                .patch("/api/demos/" + demoId + "/agent")
                .then()
                .statusCode(404);

        String provisioning = readyDemos.queued(team.tenant(), "shopify", team.owner());
        post(team.ownerKey(), provisioning, body).statusCode(409).body("type", endsWith("/demo-not-ready"));
        assertThat(ids(team.ownerKey(), demoId).get(0)).isEqualTo(first);
    }

    @Test
    void reorderingTakesExactlyTheCurrentIdsAndAStaleOrderIsAConflict() {
        String demo = fresh();
        List<String> ids = new ArrayList<>(ids(team.ownerKey(), demo));
        Collections.reverse(ids);
        given().header("X-API-Key", team.ownerKey())
                .contentType(ContentType.JSON)
                .body(Map.of("ids", ids))
                .when()
                .put("/api/demos/" + demo + "/golden-queries")
                .then()
                .statusCode(200)
                .body("golden_queries.id", equalTo(ids))
                .body("readiness", notNullValue())
                .body("readiness_job", startsWith(ReadinessJobs.jobIdFor(demo) + "_"));
        assertThat(ids(team.ownerKey(), demo)).containsExactlyElementsOf(ids);
        assertThat(TalkTrackIds.of(demos.find(otherDemoId).orElseThrow().goldenQueries()))
                .as("the template's order")
                .isNotEqualTo(ids);

        given().header("X-API-Key", team.ownerKey())
                .contentType(ContentType.JSON)
                .body(Map.of("ids", ids.subList(1, ids.size())))
                .when()
                .put("/api/demos/" + demo + "/golden-queries")
                .then()
                .statusCode(409)
                .body("type", endsWith("/talk-track-changed"));
        List<String> twice = new ArrayList<>(ids);
        twice.set(0, ids.get(1));
        given().header("X-API-Key", team.ownerKey())
                .contentType(ContentType.JSON)
                .body(Map.of("ids", twice))
                .when()
                .put("/api/demos/" + demo + "/golden-queries")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("ids"));
        given().header("X-API-Key", team.ownerKey())
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .put("/api/demos/" + demo + "/golden-queries")
                .then()
                .statusCode(422);
    }

    @Test
    void aQuestionIsRenamedKeepingItsSqlAndIdAndRemovedOnce() {
        String demo = fresh();
        List<String> ids = ids(team.ownerKey(), demo);
        String id = ids.get(0);
        given().header("X-API-Key", team.ownerKey())
                .contentType(ContentType.JSON)
                .body(Map.of("question", "Orders last year, without cancellations"))
                .when()
                .patch("/api/demos/" + demo + "/golden-queries/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("question", equalTo("Orders last year, without cancellations"))
                .body("readiness.total", equalTo(ids.size()))
                .body("readiness_job", startsWith(ReadinessJobs.jobIdFor(demo) + "_"));
        assertThat(demos.find(demo).orElseThrow().goldenQueries().get(0).question())
                .isEqualTo("Orders last year, without cancellations");
        given().header("X-API-Key", team.ownerKey())
                .contentType(ContentType.JSON)
                .body(Map.of("question", ""))
                .when()
                .patch("/api/demos/" + demo + "/golden-queries/" + id)
                .then()
                .statusCode(422);
        given().header("X-API-Key", team.ownerKey())
                .contentType(ContentType.JSON)
                .body(Map.of("question", "x"))
                .when()
                .patch("/api/demos/" + demo + "/golden-queries/gq_0000000000000000")
                .then()
                .statusCode(404);

        given().header("X-API-Key", team.ownerKey())
                .when()
                .delete("/api/demos/" + demo + "/golden-queries/" + id)
                .then()
                .statusCode(204);
        assertThat(ids(team.ownerKey(), demo)).hasSize(ids.size() - 1).doesNotContain(id);
        assertThat(rescoreJobsOf(demo))
                .as("the rename and the removal each queued a scoring of their own")
                .hasSize(2);
        given().header("X-API-Key", team.ownerKey())
                .when()
                .delete("/api/demos/" + demo + "/golden-queries/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void everyEditQueuesAReadinessJobOfItsOwnWhoseStatusTheTenantCanRead() {
        String demo = fresh();
        String first = given().header("X-API-Key", team.ownerKey())
                .contentType(ContentType.JSON)
                .body(Map.of("system_instruction", "Be brief."))
                .when()
                .patch("/api/demos/" + demo + "/agent")
                .then()
                .statusCode(200)
                .extract()
                .path("readiness_job");
        String second = given().header("X-API-Key", team.ownerKey())
                .contentType(ContentType.JSON)
                .body(Map.of("system_instruction", "Be brief and name the period."))
                .when()
                .patch("/api/demos/" + demo + "/agent")
                .then()
                .statusCode(200)
                .extract()
                .path("readiness_job");

        assertThat(second).as("a second edit is scored by a job of its own").isNotEqualTo(first);
        assertThat(rescoreJobsOf(demo)).extracting(Job::jobId).containsExactlyInAnyOrder(first, second);
        given().header("X-API-Key", team.colleagueKey())
                .when()
                .get("/api/provision/status/" + first)
                .then()
                .statusCode(200)
                .body("status", equalTo("queued"));
    }

    @Test
    void theAgentsSystemInstructionIsReplacedByTheOwnerOrAnAdmin() {
        String demo = fresh();
        given().header("X-API-Key", team.adminKey())
                .contentType(ContentType.JSON)
                .body(Map.of("system_instruction", "  Answer in one sentence and name the period.  "))
                .when()
                .patch("/api/demos/" + demo + "/agent")
                .then()
                .statusCode(200)
                .body("system_instruction", equalTo("Answer in one sentence and name the period."))
                .body("readiness.score", notNullValue())
                .body("readiness_job", startsWith(ReadinessJobs.jobIdFor(demo) + "_"));
        assertThat(agents.find(demos.find(demo).orElseThrow().agentId())
                        .orElseThrow()
                        .systemInstruction())
                .isEqualTo("Answer in one sentence and name the period.");
        given().header("X-API-Key", team.ownerKey())
                .when()
                .get("/api/demos/" + demo + "/golden-queries")
                .then()
                .body("system_instruction", equalTo("Answer in one sentence and name the period."));
        given().header("X-API-Key", team.ownerKey())
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .patch("/api/demos/" + demo + "/agent")
                .then()
                .statusCode(422);
    }

    /** Ids as the API gives them. */
    private static final class TalkTrackIds {
        static List<String> of(List<GoldenQuery> queries) {
            return queries.stream()
                    .map(g -> com.capidemo.api.service.TalkTrackService.idOf(g.sql()))
                    .toList();
        }
    }
}
