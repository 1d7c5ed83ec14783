package com.capidemo.api.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.capidemo.api.support.PushStub;
import com.capidemo.api.support.Retries;
import com.capidemo.api.support.Tenants;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.messaging.PushEnvelope;
import com.capidemo.core.messaging.PushMessage;
import com.capidemo.core.testing.MutableClock;
import com.capidemo.local.OutboxDispatcher;
import com.capidemo.local.SqliteDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The local Pub/Sub stand-in, driven against a fake push endpoint; backoffs pass when the test moves the clock. */
@QuarkusTest
@TestProfile(DispatcherProfile.class)
@QuarkusTestResource(value = PushStub.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxDispatcherTest {

    @Inject
    SqliteDatabase db;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    MutableClock clock;

    private String key;

    /** Onboarded on first use: RestAssured knows the test port only once a test runs. */
    @BeforeEach
    void tenant() {
        if (key != null) {
            return;
        }
        key = Tenants.onboardNew("disp");
    }

    private JsonPath provision() {
        return given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"template_id\":\"shopify\"}")
                .when()
                .post("/api/provision/quick")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
    }

    private String outboxStatus(String jobId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT status FROM outbox WHERE job_id = ?")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private Retries retries() {
        return new Retries(db, "outbox", clock, dispatcher::wake);
    }

    @AfterEach
    void drain() {
        PushStub.reset(204);
        PushStub.slowMillis = 0;
        retries().drain();
    }

    @Test
    void aNewMessageIsPushedAtOnceAsAPubSubEnvelopeAndAckedBy2xx() {
        PushStub.reset(204);
        JsonPath accepted = provision();
        String jobId = accepted.getString("job_id");

        await().atMost(Duration.ofSeconds(5)).until(() -> "acked".equals(outboxStatus(jobId)));
        assertThat(PushStub.RECEIVED).hasSize(1);
        PushMessage pushed = PushEnvelope.parse(PushStub.RECEIVED.get(0));
        ProvisionMessage message = ProvisionMessage.fromBytes(pushed.data());
        assertThat(message.jobId()).isEqualTo(jobId);
        assertThat(message.demoId()).isEqualTo(accepted.getString("demo_id"));
        assertThat(message.templateId()).isEqualTo("shopify");
        assertThat(pushed.attributes()).containsEntry("job_type", "quick").containsKey("tenant_id");
        assertThat(pushed.publishTime()).isNotNull();
        assertThat(pushed.subscription()).endsWith("provision-jobs-push");
    }

    @Test
    void aBurstLargerThanTheSenderPoolIsDeliveredCompletely() {
        PushStub.reset(204);
        List<String> jobIds = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) { // more than the 16 concurrent senders
            jobIds.add(provision().getString("job_id"));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jobIds.stream().allMatch(id -> "acked".equals(outboxStatus(id))));
        assertThat(PushStub.RECEIVED).hasSize(40);
    }

    @Test
    void failedAndTimedOutDeliveriesAreRetriedUntilAcked() {
        PushStub.reset(204);
        PushStub.slowMillis = 3_500; // longer than the 3 s ack deadline
        PushStub.SCRIPT.addAll(List.of(503, 0));
        String jobId = provision().getString("job_id");

        retries().retriedAfter(jobId, 1, Duration.ofSeconds(10)); // 503: the minimum backoff
        retries().retriedAfter(jobId, 2, Duration.ofSeconds(20)); // no answer within the ack deadline: doubled
        await().atMost(Duration.ofSeconds(10)).until(() -> "acked".equals(outboxStatus(jobId)));
        assertThat(PushStub.RECEIVED).hasSize(3);
        assertThat(PushStub.RECEIVED.stream()
                        .map(b -> PushEnvelope.parse(b).messageId())
                        .distinct())
                .hasSize(1);
        assertThat(PushStub.RECEIVED.stream()
                        .map(b -> PushEnvelope.parse(b).deliveryAttempt())
                        .toList())
                .containsExactly(1, 2, 3);
        given().header("X-API-Key", key)
                .when()
                .get("/api/provision/status/" + jobId)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("queued"));
    }

    @Test
    void aWorkerThatAlwaysFailsGetsTheMessageDeadLetteredAndTheJobFailed() {
        PushStub.reset(500);
        JsonPath accepted = provision();
        String jobId = accepted.getString("job_id");

        retries().retriedAfter(jobId, 1, Duration.ofSeconds(10));
        retries().retriedAfter(jobId, 2, Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "failed"
                        .equals(given().header("X-API-Key", key)
                                .when()
                                .get("/api/provision/status/" + jobId)
                                .then()
                                .extract()
                                .path("status")));
        String error = given().header("X-API-Key", key)
                .when()
                .get("/api/provision/status/" + jobId)
                .then()
                .extract()
                .path("error");
        assertThat(error).contains("dead-lettered after 3 delivery attempts").contains("500");
        assertThat(PushStub.RECEIVED).hasSize(3);
        assertThat(outboxStatus(jobId)).isNull();
        int deadLetters = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT attempts FROM dead_letters WHERE job_id = ?")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : -1;
                }
            }
        });
        assertThat(deadLetters).isEqualTo(3);
        given().header("X-API-Key", key)
                .when()
                .get("/api/demos/" + accepted.getString("demo_id"))
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("failed"));
    }
}
