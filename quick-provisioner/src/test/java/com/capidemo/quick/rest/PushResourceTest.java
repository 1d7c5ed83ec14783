package com.capidemo.quick.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobLog;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.messaging.PushEnvelope;
import com.capidemo.core.port.ClaimOutcome;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.core.testing.MutableClock;
import com.capidemo.local.SqliteDatabase;
import com.capidemo.local.SqliteJobStore;
import com.capidemo.quick.support.QuickJobs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PushResourceTest {

    private static final String SECRET = QuickJobs.SECRET;

    @Inject
    JobQueue queue;

    @Inject
    SqliteDatabase db;

    @Inject
    JobStore jobs;

    @Inject
    DemoStore demos;

    @Inject
    Warehouse warehouse;

    @Inject
    DataAgents agents;

    @Inject
    TemplateLibrary templates;

    private ProvisionMessage enqueue(String templateId) {
        return QuickJobs.enqueue(queue, "tenant_q", templateId);
    }

    private static byte[] envelope(ProvisionMessage message) {
        return QuickJobs.envelope(message, 1);
    }

    private static io.restassured.response.ValidatableResponse push(byte[] body) {
        return QuickJobs.push(body);
    }

    @Test
    void aPushProvisionsTheDemoWithEveryTableAndRowOfTheTemplate() {
        ProvisionMessage message = enqueue("shopify");

        push(envelope(message)).statusCode(200).body("outcome", equalTo("ack"));

        Job job = jobs.find(message.jobId()).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.progress()).isEqualTo(100);
        assertThat(job.result()).containsEntry("demo_id", message.demoId());
        assertThat(job.logs())
                .extracting(JobLog::message)
                .anyMatch(m -> m.startsWith("Created dataset"))
                .anyMatch(m -> m.startsWith("Loaded table customers"))
                .anyMatch(m -> m.startsWith("Verified 15 tables, 145000 rows"))
                .anyMatch(m -> m.startsWith("Created data agent"));
        assertThat(job.logs()).allSatisfy(l -> assertThat(l.ts()).isNotNull());

        Demo demo = demos.find(message.demoId()).orElseThrow();
        assertThat(demo.status()).isEqualTo(DemoStatus.READY);
        assertThat(demo.metadata()).containsEntry("table_count", 15).containsEntry("total_rows", 145000);
        assertThat(demo.goldenQueries()).hasSizeGreaterThanOrEqualTo(15);
        TemplateDefinition shopify = templates.find("shopify").orElseThrow();
        for (TableSpec table : shopify.tables()) {
            assertThat(warehouse.countRows(demo.datasetId(), table.name()))
                    .as(table.name())
                    .isEqualTo(table.rows());
        }
        assertThat(agents.find(demo.agentId()).orElseThrow().tables()).hasSize(15);
    }

    @Test
    void everyGoldenQueryOfEveryTemplateReturnsRowsOnAProvisionedDemo() {
        assertThat(templates.all()).extracting(TemplateDefinition::templateId).hasSizeGreaterThanOrEqualTo(6);
        for (TemplateDefinition template : templates.all()) {
            ProvisionMessage message = enqueue(template.templateId());
            push(envelope(message)).statusCode(200);
            Demo demo = demos.find(message.demoId()).orElseThrow();
            assertThat(demo.status()).as(template.templateId()).isEqualTo(DemoStatus.READY);
            for (var golden : template.goldenQueries()) {
                assertThat(warehouse.query(demo.datasetId(), golden.sql(), 10).rows())
                        .as(template.templateId() + ": " + golden.question())
                        .isNotEmpty();
            }
        }
    }

    @Test
    void theSamePushDeliveredTwiceProvisionsOnce() {
        ProvisionMessage message = enqueue("shopify");
        byte[] body = envelope(message);
        push(body).statusCode(200);
        Job first = jobs.find(message.jobId()).orElseThrow();

        push(body).statusCode(200).body("outcome", equalTo("ack"));
        push(envelope(message)).statusCode(200);

        Job after = jobs.find(message.jobId()).orElseThrow();
        assertThat(after.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(after.attempts()).isEqualTo(first.attempts()).isEqualTo(1);
        assertThat(after.completedAt()).isEqualTo(first.completedAt());
        assertThat(warehouse.listDatasets())
                .filteredOn(d -> d.equals(message.demoId()))
                .hasSize(1);
    }

    @Test
    void aJobLeasedByAnotherLiveWorkerIsRefusedForRedelivery() {
        ProvisionMessage message = enqueue("shopify");
        assertThat(jobs.claim(message.jobId(), "other-worker", Duration.ofMinutes(5))
                        .kind())
                .isEqualTo(ClaimOutcome.Kind.CLAIMED);

        push(envelope(message)).statusCode(503).body("outcome", equalTo("retry"));
        assertThat(jobs.find(message.jobId()).orElseThrow().lease().owner()).isEqualTo("other-worker");
    }

    @Test
    void aJobWhoseWorkerDiedIsReclaimedAfterTheLeaseExpiresAndCompleted() {
        ProvisionMessage message = enqueue("shopify");
        // The dead worker claimed the job a minute ago with a 30 s lease: the claim is put in the past by hand instead
        // of the test waiting for the lease to run out.
        MutableClock deadWorkersClock = new MutableClock(Instant.now().minus(Duration.ofMinutes(1)));
        assertThat(new SqliteJobStore(db, deadWorkersClock)
                        .claim(message.jobId(), "dead-worker", Duration.ofSeconds(30))
                        .kind())
                .isEqualTo(ClaimOutcome.Kind.CLAIMED);
        assertThat(jobs.find(message.jobId()).orElseThrow().lease().expiresAt()).isBefore(Instant.now());

        push(envelope(message)).statusCode(200);

        Job job = jobs.find(message.jobId()).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.attempts()).isEqualTo(2);
        assertThat(demos.find(message.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.READY);
    }

    @Test
    void anUnknownTemplateFailsTheJobWithoutEndlessRetries() {
        ProvisionMessage message = enqueue("vanished_template");
        push(envelope(message)).statusCode(200);
        Job job = jobs.find(message.jobId()).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).contains("unknown template 'vanished_template'");
        assertThat(demos.find(message.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.FAILED);
    }

    @Test
    void aMessageForAnUnknownJobIsAckedAndDropped() {
        push(envelope(new ProvisionMessage("job_unknown", "demo_x", "t", "quick", "shopify")))
                .statusCode(200)
                .body("outcome", equalTo("ack"));
    }

    @Test
    void aBodyThatIsNotAnEnvelopeIs400AndAWellFormedEnvelopeWithAWrongFieldIs422NamingIt() {
        for (String body : List.of("", "not json")) {
            given().header("X-Worker-Secret", SECRET)
                    .contentType("application/json")
                    .body(body)
                    .when()
                    .post("/pubsub/push")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", containsString("malformed-push"));
        }
        Map<String, String> wrongFields = Map.of(
                "{\"message\":{}}",
                "message.messageId",
                "{\"message\":{\"messageId\":\"1\",\"data\":\"@@\"}}",
                "message.data");
        wrongFields.forEach((body, field) -> given().header("X-Worker-Secret", SECRET)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/pubsub/push")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)));
        byte[] notAJob = PushEnvelope.build("1", Instant.now(), Map.of(), "{\"x\":1}".getBytes(), "s", 1);
        push(notAJob).statusCode(422).body("detail", containsString("job_id"));
    }

    @Test
    void aSubscriptionThatIsNotAStringOrCarriesControlCharactersIs422OnBothPushEndpoints() {
        for (String path : List.of("/pubsub/push", "/pubsub/dead-letter")) {
            for (String subscription : List.of("1", "true", "{}", "[\"s\"]", "\"sub\\u0001x\"", "\"sub\\nx\"")) {
                given().header("X-Worker-Secret", SECRET)
                        .contentType("application/json")
                        .body("{\"message\":{\"messageId\":\"1\",\"data\":\"e30=\"},\"subscription\":" + subscription
                                + "}")
                        .when()
                        .post(path)
                        .then()
                        .statusCode(422)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("subscription"));
            }
        }
    }

    /** A null, mistyped or duplicate-keyed push is a 4xx in our words, never a 500 or a class name. */
    @Test
    void nullMistypedAndDuplicateKeyedPushesAre4xxWithoutClassNames() {
        String data = java.util.Base64.getEncoder().encodeToString("{\"job_id\":1}".getBytes());
        for (String path : List.of("/pubsub/push", "/pubsub/dead-letter")) {
            for (String body : List.of(
                    "null",
                    "[]",
                    "42",
                    "{\"message\":null}",
                    "{\"message\":1}",
                    "{\"message\":{\"messageId\":1,\"data\":\"e30=\"}}",
                    "{\"message\":{\"messageId\":\"1\",\"messageId\":\"2\",\"data\":\"e30=\"}}",
                    "{\"message\":{\"messageId\":\"1\",\"data\":\"" + data + "\"}}")) {
                given().header("X-Worker-Secret", SECRET)
                        .contentType("application/json")
                        .body(body)
                        .when()
                        .post(path)
                        .then()
                        .statusCode(org.hamcrest.Matchers.oneOf(400, 422))
                        .contentType("application/problem+json")
                        .body(org.hamcrest.Matchers.not(containsString("Exception")))
                        .body(org.hamcrest.Matchers.not(containsString("com.")))
                        .body(org.hamcrest.Matchers.not(containsString("$")));
            }
        }
    }

    /**
     * Only UTF-8 JSON without a byte order mark, declared as application/json, is a body on the worker endpoints as on
     * every other: an envelope that would be acknowledged is 415 when it starts with a BOM, is UTF-16, or is declared
     * as another JSON media type.
     */
    @Test
    void anEnvelopeWithAByteOrderMarkInUtf16OrOfAnotherJsonMediaTypeIs415OnBothPushEndpoints() {
        String envelope = new String(
                envelope(new ProvisionMessage("job_unknown", "demo_x", "t", "quick", "shopify")),
                java.nio.charset.StandardCharsets.UTF_8);
        Map<String, byte[]> encodings = Map.of(
                "utf-8 with a byte order mark",
                ("\uFEFF" + envelope).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "utf-16le",
                envelope.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                "utf-16 with a byte order mark",
                envelope.getBytes(java.nio.charset.StandardCharsets.UTF_16));
        for (String path : List.of("/pubsub/push", "/pubsub/dead-letter")) {
            encodings.forEach((name, body) -> given().header("X-Worker-Secret", SECRET)
                    .contentType("application/json")
                    .body(body)
                    .when()
                    .post(path)
                    .then()
                    .statusCode(415)
                    .contentType("application/problem+json"));
            given().header("X-Worker-Secret", SECRET)
                    .contentType("application/merge-patch+json")
                    .body(envelope)
                    .when()
                    .post(path)
                    .then()
                    .statusCode(415)
                    .contentType("application/problem+json");
        }
        push(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode(200); // the same envelope, plain
    }

    @Test
    void pushesWithoutTheWorkerSecretAre401() {
        given().contentType("application/json")
                .body(envelope(enqueue("shopify")))
                .when()
                .post("/pubsub/push")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-Worker-Secret", "wrong")
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/pubsub/push")
                .then()
                .statusCode(401);
    }
}
