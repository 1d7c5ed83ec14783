package com.capidemo.quick.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.json.Json;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.messaging.PushEnvelope;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.EventPublisher;
import com.capidemo.core.port.JobQueue;
import com.capidemo.local.SqliteDatabase;
import com.capidemo.quick.support.QuickJobs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Quick and clone jobs announce their completion or failure on provision-events, like every other job kind, and so
 * does a quick job failed by its dead-lettered message.
 */
@QuarkusTest
class ProvisionEventsTest {

    private static final String TENANT = "tenant_events";

    @Inject
    JobQueue queue;

    @Inject
    DemoStore demos;

    @Inject
    SqliteDatabase db;

    /** The provision-events event with this id: its data, and its attributes under "attributes". */
    private Optional<Map<String, Object>> event(String eventId) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT topic, attributes, data FROM events WHERE event_id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    assertThat(rs.getString(1)).isEqualTo(EventPublisher.PROVISION_EVENTS);
                    Map<String, Object> event = new LinkedHashMap<>(Json.map(new String(rs.getBytes(3))));
                    event.put("attributes", Json.map(rs.getString(2)));
                    return Optional.of(event);
                }
            }
        });
    }

    @Test
    void aCompletedQuickJobPublishesItsCompletion() {
        ProvisionMessage message = QuickJobs.enqueue(queue, TENANT, "shopify");

        QuickJobs.push(QuickJobs.envelope(message, 1)).statusCode(200);

        Map<String, Object> event = event(message.jobId() + "-completed").orElseThrow();
        assertThat(event)
                .containsEntry("job_id", message.jobId())
                .containsEntry("job_type", "quick")
                .containsEntry("tenant_id", TENANT)
                .containsEntry("demo_id", message.demoId())
                .containsEntry("status", "completed");
        assertThat(event.get("error")).isNull();
        assertThat((Map<String, Object>) event.get("attributes"))
                .containsEntry("job_type", "quick")
                .containsEntry("status", "completed");
        assertThat(event(message.jobId() + "-failed")).isEmpty();
    }

    @Test
    void aFailedQuickJobPublishesItsFailureWithTheReason() {
        ProvisionMessage message = QuickJobs.enqueue(queue, TENANT, "vanished_template");

        QuickJobs.push(QuickJobs.envelope(message, 1)).statusCode(200);

        Map<String, Object> event = event(message.jobId() + "-failed").orElseThrow();
        assertThat(event).containsEntry("job_type", "quick").containsEntry("status", "failed");
        assertThat((String) event.get("error")).contains("unknown template 'vanished_template'");
        assertThat(event(message.jobId() + "-completed")).isEmpty();
    }

    @Test
    void aCloneJobPublishesItsCompletionAndACloneThatCannotRunItsFailure() {
        ProvisionMessage sourceMessage = QuickJobs.enqueue(queue, TENANT, "shopify");
        QuickJobs.push(QuickJobs.envelope(sourceMessage, 1)).statusCode(200);
        Demo source = demos.find(sourceMessage.demoId()).orElseThrow();
        ProvisionMessage clone = QuickJobs.enqueueClone(queue, source, "colleague@example.com", "Cloned Corp");

        QuickJobs.push(QuickJobs.envelope(clone, 1)).statusCode(200);

        assertThat(event(clone.jobId() + "-completed").orElseThrow())
                .containsEntry("job_type", "clone")
                .containsEntry("demo_id", clone.demoId())
                .containsEntry("status", "completed");

        ProvisionMessage failedSource = QuickJobs.enqueue(queue, TENANT, "vanished_template");
        QuickJobs.push(QuickJobs.envelope(failedSource, 1)).statusCode(200);
        ProvisionMessage doomed = QuickJobs.enqueueClone(
                queue, demos.find(failedSource.demoId()).orElseThrow(), "colleague@example.com", "Doomed Corp");

        QuickJobs.push(QuickJobs.envelope(doomed, 1)).statusCode(200);

        Map<String, Object> failed = event(doomed.jobId() + "-failed").orElseThrow();
        assertThat(failed).containsEntry("job_type", "clone").containsEntry("status", "failed");
        assertThat((String) failed.get("error")).contains("not ready");
    }

    @Test
    void aDeadLetteredQuickJobPublishesItsFailure() {
        ProvisionMessage message = QuickJobs.enqueue(queue, TENANT, "shopify");
        byte[] deadLettered = PushEnvelope.build(
                Ids.messageId(),
                Instant.now(),
                Map.of("job_type", "quick", "CloudPubSubDeadLetterSourceDeliveryCount", "5"),
                message.toBytes(),
                "projects/p/subscriptions/provision-jobs-dlq-push",
                1);

        given().header("X-Worker-Secret", QuickJobs.SECRET)
                .contentType("application/json")
                .body(deadLettered)
                .when()
                .post("/pubsub/dead-letter")
                .then()
                .statusCode(200);

        Map<String, Object> event = event(message.jobId() + "-failed").orElseThrow();
        assertThat(event).containsEntry("job_type", "quick").containsEntry("demo_id", message.demoId());
        assertThat((String) event.get("error")).contains("dead-lettered after 5 delivery attempts");
    }
}
