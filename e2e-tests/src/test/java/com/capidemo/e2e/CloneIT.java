package com.capidemo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cloning through the real processes: the clone job goes through the outbox to quick-provisioner, the clone gets its
 * own dataset and agent, a duplicate delivery changes nothing, and after the source is deleted the clone still
 * answers questions from its own data.
 */
class CloneIT {

    private static PlatformProcess platform;

    @BeforeAll
    static void start() {
        platform = PlatformProcess.start("clone", Map.of());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.down();
        }
    }

    @Test
    void aCloneOutlivesItsDeletedSourceAndStillAnswersFromItsOwnData() {
        Api api = platform.api();
        Api.Response provisioned = api.provisionQuick("shopify", "Original Corp");
        assertThat(provisioned.status()).as("%s", provisioned).isEqualTo(202);
        String sourceId = provisioned.get("demo_id").asText();
        assertThat(api.awaitTerminal(provisioned.get("job_id").asText(), Duration.ofSeconds(60))
                        .path("status")
                        .asText())
                .isEqualTo("completed");
        JsonNode source = api.demo(sourceId).json();

        Api.Response accepted =
                api.post("/api/demos/" + sourceId + "/clone", Map.of("new_customer_name", "Cloned Corp"));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        assertThat(accepted.get("status").asText()).isEqualTo("queued");
        String jobId = accepted.get("job_id").asText();
        String cloneId = accepted.get("demo_id").asText();
        assertThat(accepted.get("status_url").asText()).endsWith(jobId);

        JsonNode done = api.awaitTerminal(jobId, Duration.ofSeconds(60));
        assertThat(done.path("status").asText()).as("%s", done).isEqualTo("completed");
        assertThat(done.path("type").asText()).isEqualTo("clone");
        assertThat(done.path("result").path("demo_id").asText()).isEqualTo(cloneId);
        assertThat(done.path("result").path("source_demo_id").asText()).isEqualTo(sourceId);

        JsonNode clone = api.demo(cloneId).json();
        assertThat(clone.path("status").asText()).as("%s", clone).isEqualTo("ready");
        assertThat(clone.path("customer_name").asText()).isEqualTo("Cloned Corp");
        assertThat(clone.path("source_demo_id").asText()).isEqualTo(sourceId);
        assertThat(clone.path("dataset_id").asText())
                .isEqualTo(cloneId)
                .isNotEqualTo(source.path("dataset_id").asText());
        assertThat(clone.path("agent_id").asText())
                .isNotBlank()
                .isNotEqualTo(source.path("agent_id").asText());
        assertThat(clone.path("golden_queries")).isEqualTo(source.path("golden_queries"));
        assertThat(clone.path("metadata").path("total_rows").asLong())
                .isEqualTo(source.path("metadata").path("total_rows").asLong());

        // A duplicate delivery of the finished clone job is acked and creates nothing.
        List<String> datasets = platform.datasets();
        Api.Response duplicate = Api.postRaw(
                platform.workerUrl() + "/pubsub/push",
                PushEnvelopes.cloneJob(jobId, cloneId, platform.tenant(), "shopify"),
                Map.of("X-Worker-Secret", platform.workerSecret()));
        assertThat(duplicate.status()).as("%s", duplicate).isEqualTo(200);
        assertThat(platform.datasets()).isEqualTo(datasets);
        assertThat(api.job(jobId).json().path("attempts").asInt())
                .isEqualTo(done.path("attempts").asInt());

        Api.Response deleted = api.delete("/api/demos/" + sourceId);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        assertThat(api.demo(sourceId).json().path("status").asText()).isEqualTo("deleted");
        assertThat(platform.datasets()).doesNotContain(sourceId).contains(cloneId);

        List<String> failures = new ArrayList<>();
        for (JsonNode golden : clone.path("golden_queries")) {
            String question = golden.path("question").asText();
            Api.Response answer = api.post("/api/chat", Map.of("demo_id", cloneId, "message", question));
            if (answer.status() != 200 || answer.get("rows").isEmpty()) {
                failures.add(question + " -> " + answer);
            }
        }
        assertThat(failures)
                .as("golden questions asked of the clone after its source was deleted")
                .isEmpty();
        assertThat(api.demo(cloneId).json().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void theCloneOfADemoThatIsNotReadyIsAConflictAndAnotherTenantsIsNotFound() {
        Api api = platform.api();
        Api.Response provisioned = api.provisionQuick("banking", "Busy Bank");
        String demoId = provisioned.get("demo_id").asText();
        api.awaitTerminal(provisioned.get("job_id").asText(), Duration.ofSeconds(60));
        assertThat(api.delete("/api/demos/" + demoId).status()).isEqualTo(204);

        Api.Response conflict = api.post("/api/demos/" + demoId + "/clone", Map.of());
        assertThat(conflict.status()).as("%s", conflict).isEqualTo(409);
        assertThat(conflict.isProblem()).as("%s", conflict).isTrue();

        Api.Response onboarded = new Api(platform.url(), null)
                .post(
                        "/api/v1/customers/onboard",
                        Map.of("tenant_id", "clone_other"),
                        Map.of("X-Admin-Token", platform.adminToken()));
        assertThat(onboarded.status()).as("%s", onboarded).isEqualTo(201);
        Api.Response foreign =
                platform.api(onboarded.get("api_key").asText()).post("/api/demos/" + demoId + "/clone", Map.of());
        assertThat(foreign.status()).as("%s", foreign).isEqualTo(404);
        assertThat(foreign.isProblem()).as("%s", foreign).isTrue();
    }
}
