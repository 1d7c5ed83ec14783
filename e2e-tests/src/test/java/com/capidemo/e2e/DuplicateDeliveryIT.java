package com.capidemo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * At-least-once delivery: a push for a job that is already finished is acknowledged and ignored, and garbage
 * sent to the push endpoint is refused with a problem document instead of being retried forever.
 */
class DuplicateDeliveryIT {

    private static PlatformProcess platform;

    @BeforeAll
    static void start() {
        platform = PlatformProcess.start("dup", Map.of());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.down();
        }
    }

    private static Api.Response push(byte[] body) {
        return Api.postRaw(
                platform.workerUrl() + "/pubsub/push", body, Map.of("X-Worker-Secret", platform.workerSecret()));
    }

    @Test
    void redeliveryOfACompletedJobIsAckedAndChangesNothing() {
        Api api = platform.api();
        List<String> datasetsBefore = platform.datasets();
        Api.Response accepted = api.provisionQuick("shopify", "Duplicate Co");
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String jobId = accepted.get("job_id").asText();
        String demoId = accepted.get("demo_id").asText();
        JsonNode done = api.awaitTerminal(jobId, Duration.ofSeconds(60));
        assertThat(done.path("status").asText()).as("%s", done).isEqualTo("completed");
        int attempts = done.path("attempts").asInt();
        List<String> datasetsAfterFirstRun = platform.datasets();

        byte[] envelope = PushEnvelopes.provision(jobId, demoId, platform.tenant(), "shopify");
        for (int i = 1; i <= 2; i++) {
            Api.Response r = push(envelope);
            assertThat(r.status()).as("duplicate delivery #%d: %s", i, r).isEqualTo(200);
        }

        JsonNode after = api.job(jobId).json();
        assertThat(after.path("status").asText()).isEqualTo("completed");
        assertThat(after.path("attempts").asInt())
                .as("attempts after duplicates")
                .isEqualTo(attempts);
        assertThat(after.path("completed_at").asText())
                .isEqualTo(done.path("completed_at").asText());
        assertThat(after.path("logs").size())
                .as("no new log lines")
                .isEqualTo(done.path("logs").size());

        JsonNode demo = api.demo(demoId).json();
        assertThat(demo.path("status").asText()).isEqualTo("ready");

        List<String> listed = new ArrayList<>();
        for (JsonNode d : api.get("/api/demos?limit=100").json().path("demos")) {
            listed.add(d.path("demo_id").asText());
        }
        assertThat(listed).as("demos of the tenant").containsOnlyOnce(demoId).hasSize(1);

        List<String> added = new ArrayList<>(platform.datasets());
        added.removeAll(datasetsBefore);
        assertThat(added).as("datasets added").containsExactly(demoId);
        assertThat(platform.datasets()).isEqualTo(datasetsAfterFirstRun);
    }

    @Test
    void aPushForAnUnknownJobIsAckedAndDropped() {
        Api.Response r =
                push(PushEnvelopes.provision("job_doesnotexist", "demo_doesnotexist", platform.tenant(), "shopify"));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(platform.datasets()).doesNotContain("demo_doesnotexist");
    }

    @Test
    void malformedEnvelopesAreRefusedWithProblemJson() {
        List<byte[]> garbage = List.of(
                "this is not json".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8),
                "{\"message\":{\"data\":\"%%%not-base64%%%\",\"messageId\":\"m1\"}}".getBytes(StandardCharsets.UTF_8),
                "{\"message\":{\"data\":\"e30=\"}}".getBytes(StandardCharsets.UTF_8), // no messageId
                PushEnvelopes.envelope("not a provision message".getBytes(StandardCharsets.UTF_8), Map.of()),
                new byte[0]);
        for (byte[] body : garbage) {
            Api.Response r = push(body);
            String shown = new String(body, StandardCharsets.UTF_8);
            // One bad-body rule: a body that is not JSON is 400; well-formed JSON with a missing or wrong field is 422.
            boolean json = body.length > 0 && body[0] == '{';
            assertThat(r.status()).as("push of %s: %s", shown, r).isEqualTo(json ? 422 : 400);
            assertThat(r.isProblem()).as("content type for %s: %s", shown, r).isTrue();
            assertThat(r.get("status").asInt()).isEqualTo(r.status());
            assertThat(r.get("type").asText()).as("%s", r).isNotBlank();
            assertThat(r.body()).as("no stack trace").doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aPushWithoutTheWorkerSecretIsRejected() {
        byte[] body = PushEnvelopes.provision("job_x", "demo_x", platform.tenant(), "shopify");
        Api.Response none = Api.postRaw(platform.workerUrl() + "/pubsub/push", body, Map.of());
        assertThat(none.status()).as("%s", none).isEqualTo(401);
        Api.Response wrong =
                Api.postRaw(platform.workerUrl() + "/pubsub/push", body, Map.of("X-Worker-Secret", "wrong"));
        assertThat(wrong.status()).as("%s", wrong).isEqualTo(401);
        assertThat(wrong.isProblem()).as("%s", wrong).isTrue();
    }
}
