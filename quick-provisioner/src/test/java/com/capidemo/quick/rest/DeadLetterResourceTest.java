package com.capidemo.quick.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.messaging.PushEnvelope;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.port.JobStore;
import com.capidemo.quick.support.QuickJobs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dead-letter topic's push endpoint: what Pub/Sub gave up on fails its job instead of leaving it queued. */
@QuarkusTest
class DeadLetterResourceTest {

    @Inject
    JobQueue queue;

    @Inject
    JobStore jobs;

    @Inject
    DemoStore demos;

    /** The envelope Pub/Sub pushes from the dead-letter subscription, with the attributes it adds. */
    private static byte[] deadLettered(ProvisionMessage message) {
        return PushEnvelope.build(
                Ids.messageId(),
                Instant.now(),
                Map.of(
                        "job_type",
                        "quick",
                        "CloudPubSubDeadLetterSourceDeliveryCount",
                        "5",
                        "CloudPubSubDeadLetterSourceSubscription",
                        "provision-jobs-push"),
                message.toBytes(),
                "projects/p/subscriptions/provision-jobs-dlq-push",
                1);
    }

    private static io.restassured.response.ValidatableResponse post(byte[] body, String secret) {
        return given().header("X-Worker-Secret", secret)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/pubsub/dead-letter")
                .then();
    }

    @Test
    void aDeadLetteredMessageFailsItsQueuedJobAndDemoWithTheReason() {
        ProvisionMessage message = QuickJobs.enqueue(queue, "tenant_dl", "shopify");
        post(deadLettered(message), QuickJobs.SECRET).statusCode(200).body("outcome", equalTo("job_failed"));
        Job job = jobs.find(message.jobId()).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error())
                .contains("dead-lettered after 5 delivery attempts")
                .contains("provision-jobs-push");
        assertThat(demos.find(message.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.FAILED);

        // Redelivered dead letter: acknowledged, nothing changes.
        post(deadLettered(message), QuickJobs.SECRET).statusCode(200).body("outcome", equalTo("ignored"));
    }

    @Test
    void aDeadLetterForAFinishedJobLeavesItAlone() {
        ProvisionMessage message = QuickJobs.enqueue(queue, "tenant_dl", "shopify");
        QuickJobs.push(QuickJobs.envelope(message, 1)).statusCode(200);
        post(deadLettered(message), QuickJobs.SECRET).statusCode(200).body("outcome", equalTo("ignored"));
        assertThat(jobs.find(message.jobId()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void deadLettersNeedTheWorkerCredentialAndAnEnvelope() {
        ProvisionMessage message = QuickJobs.enqueue(queue, "tenant_dl", "shopify");
        post(deadLettered(message), "wrong").statusCode(401);
        // Well-formed JSON without the envelope's fields is 422 naming what is wrong; a body that is not JSON is 400.
        post("{\"not\":\"an envelope\"}".getBytes(), QuickJobs.SECRET)
                .statusCode(422)
                .contentType("application/problem+json");
        post("not json".getBytes(), QuickJobs.SECRET).statusCode(400).contentType("application/problem+json");
        assertThat(jobs.find(message.jobId()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    }
}
