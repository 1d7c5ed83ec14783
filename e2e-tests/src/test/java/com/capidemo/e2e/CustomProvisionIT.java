package com.capidemo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.StepRecord;
import com.capidemo.duckdb.DuckDbWarehouse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Custom provisioning and tenant pipelines over the real processes: api-service enqueues a task, the local task
 * dispatcher POSTs it to custom-provisioner, the pipeline engine runs the stages with checkpoints.
 */
class CustomProvisionIT {

    private static final List<String> STAGES = List.of(
            "research",
            "use_cases",
            "schema_design",
            "data_generation",
            "dataset_load",
            "golden_queries",
            "data_agent");

    private static PlatformProcess platform;

    @BeforeAll
    static void start() {
        platform = PlatformProcess.start(
                "custom",
                Map.of(
                        "PLATFORM_LEASE_DURATION", "3s",
                        "PLATFORM_QUEUE_CUSTOM_MIN_BACKOFF", "1s",
                        "PLATFORM_QUEUE_CUSTOM_MAX_BACKOFF", "2s",
                        // While the worker is down every dispatch fails; the default 3 attempts would fail the job
                        // first.
                        "PLATFORM_QUEUE_CUSTOM_MAX_ATTEMPTS", "30"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.down();
        }
    }

    private JsonNode provisionCustom(Map<String, Object> brief) {
        Api.Response accepted = platform.api().post("/api/provision/custom", brief);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        return accepted.json();
    }

    private JsonNode awaitCompleted(String jobId) {
        JsonNode done = platform.api().awaitTerminal(jobId, Duration.ofSeconds(120));
        assertThat(done.path("status").asText())
                .as("job %s\n%s", done, platform.logTails(40))
                .isEqualTo("completed");
        return done;
    }

    @Test
    void twoIndustriesGiveTwoDifferentReadyDemosWhoseGoldenQueriesAllExecute() {
        JsonNode retail = provisionCustom(Map.of(
                "customer_name",
                "Northwind Outfitters",
                "industry",
                "retail",
                "website",
                "https://northwind-outfitters.example",
                "use_cases",
                List.of("customer lifetime value")));
        JsonNode health = provisionCustom(Map.of(
                "customer_name",
                "Cascade Health Partners",
                "industry",
                "healthcare",
                "description",
                "Hospital network in Oregon and Washington"));
        awaitCompleted(retail.path("job_id").asText());
        awaitCompleted(health.path("job_id").asText());

        DuckDbWarehouse warehouse = platform.warehouse();
        Set<String> retailTables =
                new HashSet<>(warehouse.listTables(retail.path("demo_id").asText()));
        Set<String> healthTables =
                new HashSet<>(warehouse.listTables(health.path("demo_id").asText()));
        assertThat(retailTables).isNotEqualTo(healthTables);
        for (JsonNode accepted : List.of(retail, health)) {
            String demoId = accepted.path("demo_id").asText();
            JsonNode demo = platform.api().demo(demoId).json();
            assertThat(demo.path("status").asText()).isEqualTo("ready");
            assertThat(demo.path("metadata").path("table_count").asInt()).isGreaterThanOrEqualTo(8);
            assertThat(demo.path("metadata").path("total_rows").asLong()).isGreaterThanOrEqualTo(100_000);
            assertThat(demo.path("golden_queries").size()).isGreaterThanOrEqualTo(6);
            for (JsonNode q : demo.path("golden_queries")) {
                assertThat(warehouse.query(demoId, q.path("sql").asText(), 3).rows())
                        .as(q.path("question").asText())
                        .isNotEmpty();
            }
            List<StepRecord> steps = platform.steps(accepted.path("job_id").asText());
            assertThat(steps).extracting(StepRecord::stepId).containsExactlyElementsOf(STAGES);
            steps.forEach(s -> System.out.printf("%s %s: %d ms%n", demoId, s.stepId(), s.durationMillis()));

            // The CE can chat with it at once: the first golden question is answered with rows.
            String question =
                    demo.path("golden_queries").get(0).path("question").asText();
            Api.Response answer = platform.api().post("/api/chat", Map.of("demo_id", demoId, "message", question));
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.get("rows").size()).isGreaterThan(0);
        }
    }

    @Test
    void aWorkerKilledDuringDataGenerationResumesThereAfterRestart() {
        // The worker is held most of the time (from the outside), so the poller catches it generating data.
        JsonNode accepted;
        String jobId;
        long killed;
        try (ProcessThrottle slowWorker =
                platform.throttle("custom-provisioner", Duration.ofMillis(20), Duration.ofMillis(200))) {
            accepted = provisionCustom(Map.of("customer_name", "Fjord Mobile", "industry", "telecom"));
            jobId = accepted.path("job_id").asText();
            List<JsonNode> seen = platform.api()
                    .pollJob(
                            jobId,
                            j -> "data_generation"
                                            .equals(j.path("current_phase").asText())
                                    || Api.isTerminal(j),
                            Duration.ofSeconds(120),
                            20,
                            "data_generation");
            assertThat(seen.get(seen.size() - 1).path("current_phase").asText()).isEqualTo("data_generation");

            killed = platform.kill("custom-provisioner");
        }
        System.out.printf("killed custom-provisioner pid %d during data generation%n", killed);
        platform.up();

        JsonNode done = awaitCompleted(jobId);
        assertThat(done.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
        List<StepRecord> steps = platform.steps(jobId);
        assertThat(steps).extracting(StepRecord::stepId).containsExactlyElementsOf(STAGES);
        for (StepRecord step : steps) {
            int expected = step.stepId().equals("data_generation") ? 2 : 1;
            assertThat(step.attempts()).as("attempts of %s", step.stepId()).isEqualTo(expected);
        }
        assertThat(platform.api()
                        .demo(accepted.path("demo_id").asText())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ready");
    }

    @Test
    void aTenantPipelineRunsToCompletionWithItsDataQualityResults() {
        String path = "/api/v1/pipelines/run/" + platform.tenant() + "/gcp/cost/bill-sample-export-template";
        Api.Response accepted = platform.api().post(path, Map.of("trigger_by", "e2e", "date", "2025-10-31"));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String runId = accepted.get("pipeline_logging_id").asText();

        JsonNode run = null;
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            run = platform.api().get("/api/v1/pipelines/runs/" + runId).json();
            if (run.path("status").asText().matches("COMPLETED|FAILED")) {
                break;
            }
            Api.sleep(100);
        }
        assertThat(run.path("status").asText()).as("%s", run).isEqualTo("COMPLETED");
        assertThat(run.path("steps").size()).isEqualTo(4);
        for (JsonNode step : run.path("steps")) {
            assertThat(step.path("status").asText()).isEqualTo("COMPLETED");
        }
        assertThat(run.path("dq_results").size()).isEqualTo(8);
        assertThat(platform.api().post(path, Map.of()).status())
                .as("a new run once the last one finished")
                .isEqualTo(202);
    }
}
