package com.capidemo.custom.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.capidemo.core.config.ConfigsLocator;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.domain.StepRecord;
import com.capidemo.core.domain.StepStatus;
import com.capidemo.core.domain.Tenant;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.StepStore;
import com.capidemo.core.port.TenantStore;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.service.OnboardingTemplate;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskResourceTest {

    @Inject
    JobStore jobs;

    @Inject
    DemoStore demos;

    @Inject
    StepStore steps;

    @Inject
    TenantStore tenants;

    @Inject
    Warehouse warehouse;

    @Inject
    PlatformConfig config;

    private static RequestSpecification task(String jobId) {
        return given().header("X-Worker-Secret", "test-secret")
                .header("X-CloudTasks-QueueName", "custom-provision")
                .header("X-CloudTasks-TaskName", "job-" + jobId)
                .header("X-CloudTasks-TaskRetryCount", "0")
                .contentType("application/json")
                .body("{\"job_id\":\"" + jobId + "\"}");
    }

    /** A tenant as onboarding leaves it: its dataset with the metadata tables. */
    private String onboardedTenant() {
        String tenantId = "t_" + Ids.randomHex(4);
        OnboardingTemplate onboarding = OnboardingTemplate.load(ConfigsLocator.locate(config));
        String dataset = onboarding.datasetFor(tenantId);
        warehouse.createDataset(dataset, onboarding.labelsFor(tenantId));
        onboarding.tables().forEach((table, columns) -> warehouse.createTable(dataset, table, columns));
        tenants.createWithKey(
                new Tenant(tenantId, dataset, Instant.now()),
                new ApiKey(
                        Ids.randomHex(16), tenantId, "ce@example.com", "admin", new byte[] {1}, Instant.now(), false));
        return tenantId;
    }

    private Job pipelineJob(String tenantId, String domain, String template) {
        JobPayload payload = new JobPayload.Pipeline(
                tenantId + "-gcp-" + domain + "-" + template,
                "gcp",
                domain,
                template,
                "test",
                LocalDate.parse("2025-10-31"),
                null);
        Job job = Job.queued(Ids.jobId(), null, tenantId, payload, Instant.now());
        jobs.create(job);
        return job;
    }

    @Test
    void theBillingExportPipelineRunsEveryStepAndWritesTheTenantsMetadataTables() {
        String tenantId = onboardedTenant();
        Job job = pipelineJob(tenantId, "cost", "bill-sample-export-template");

        task(job.jobId())
                .when()
                .post("/tasks/pipeline-run")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("done"));

        Job done = jobs.find(job.jobId()).orElseThrow();
        assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.progress()).isEqualTo(100);
        List<StepRecord> records = steps.list(job.jobId());
        assertThat(records)
                .extracting(StepRecord::stepId)
                .containsExactly("load_billing_export", "check_raw", "cost_by_service_day", "check_aggregate");
        assertThat(records).allMatch(r -> r.status() == StepStatus.COMPLETED);
        assertThat(warehouse.countRows(tenantId, "billing_export_raw")).isEqualTo(1488);
        long aggregated = warehouse.countRows(tenantId, "cost_by_service_day");
        assertThat(aggregated).isBetween(300L, 1488L);
        assertThat(warehouse
                        .query(
                                tenantId,
                                "SELECT status, pipeline_id FROM pipeline_runs WHERE pipeline_logging_id = '"
                                        + job.jobId() + "'",
                                10)
                        .rows())
                .containsExactly(List.of("COMPLETED", tenantId + "-gcp-cost-bill-sample-export-template"));
        assertThat(warehouse
                        .query(
                                tenantId,
                                "SELECT count(*) FROM step_logs WHERE pipeline_logging_id = '" + job.jobId() + "'",
                                1)
                        .rows()
                        .get(0)
                        .get(0))
                .isEqualTo(4L);
        assertThat(warehouse
                        .query(
                                tenantId,
                                "SELECT count(*) FROM dq_results WHERE pipeline_logging_id = '" + job.jobId()
                                        + "' AND status = 'PASSED'",
                                1)
                        .rows()
                        .get(0)
                        .get(0))
                .isEqualTo(8L);

        // A redelivered task for the finished run changes nothing.
        task(job.jobId()).when().post("/tasks/pipeline-run").then().statusCode(200);
        assertThat(steps.list(job.jobId())).allMatch(r -> r.attempts() == 1);
        assertThat(warehouse
                        .query(tenantId, "SELECT count(*) FROM step_logs", 1)
                        .rows()
                        .get(0)
                        .get(0))
                .isEqualTo(4L);
    }

    @Test
    void theDryRunPipelineChecksTheTenantsDataset() {
        String tenantId = onboardedTenant();
        Job job = pipelineJob(tenantId, "example", "dryrun");
        task(job.jobId()).when().post("/tasks/pipeline-run").then().statusCode(200);
        assertThat(jobs.find(job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(steps.list(job.jobId()).get(0).output()).containsEntry("dryrun_status", "SUCCESS");
    }

    @Test
    void aCustomProvisionRunsTheSevenStagesAndTheDemoIsReady() {
        String tenantId = onboardedTenant();
        String demoId = Ids.demoId();
        Job job = Job.queued(
                Ids.jobId(),
                demoId,
                tenantId,
                new JobPayload.Custom(
                        "Harbor Freight Lines",
                        "logistics",
                        null,
                        "Regional LTL carrier in the Pacific Northwest",
                        List.of("on-time delivery by lane"),
                        null),
                Instant.now());
        demos.create(Demo.provisioning(
                demoId, tenantId, "ce@example.com", "Harbor Freight Lines", "logistics", null, Instant.now()));
        jobs.create(job);

        task(job.jobId()).when().post("/tasks/custom-provision").then().statusCode(200);

        Job done = jobs.find(job.jobId()).orElseThrow();
        assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.COMPLETED);
        assertThat(steps.list(job.jobId()))
                .extracting(StepRecord::stepId)
                .containsExactly(
                        "research",
                        "use_cases",
                        "schema_design",
                        "data_generation",
                        "dataset_load",
                        "golden_queries",
                        "data_agent");
        Demo demo = demos.find(demoId).orElseThrow();
        assertThat(demo.status()).isEqualTo(DemoStatus.READY);
        assertThat(demo.goldenQueries()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(warehouse.listTables(demoId)).hasSizeGreaterThanOrEqualTo(8);
        assertThat(warehouse.rowCounts(demoId).values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isGreaterThanOrEqualTo(100_000);
        for (var q : demo.goldenQueries()) {
            assertThat(warehouse.query(demoId, q.sql(), 5).rows())
                    .as(q.question())
                    .isNotEmpty();
        }
    }

    @Test
    void requestsThatAreNotQueueTasksAreRefused() {
        given().header("X-Worker-Secret", "wrong")
                .header("X-CloudTasks-QueueName", "custom-provision")
                .header("X-CloudTasks-TaskName", "t")
                .contentType("application/json")
                .body("{\"job_id\":\"x\"}")
                .when()
                .post("/tasks/pipeline-run")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-Worker-Secret", "test-secret")
                .contentType("application/json")
                .body("{\"job_id\":\"x\"}")
                .when()
                .post("/tasks/pipeline-run")
                .then()
                .statusCode(400)
                .body("type", containsString("not-a-task"));
        given().header("X-Worker-Secret", "test-secret")
                .header("X-CloudTasks-QueueName", "other-queue")
                .header("X-CloudTasks-TaskName", "t")
                .contentType("application/json")
                .body("{\"job_id\":\"x\"}")
                .when()
                .post("/tasks/pipeline-run")
                .then()
                .statusCode(403);
        task("x")
                .body("not json")
                .when()
                .post("/tasks/custom-provision")
                .then()
                .statusCode(400)
                .body("type", containsString("malformed-request"));
    }

    @Test
    void aTaskForAnUnknownJobIsFinishedAndDropped() {
        task("job_unknown").when().post("/tasks/custom-provision").then().statusCode(200);
    }

    /**
     * The edge's rule for bad bodies on task endpoints too: not JSON (a duplicate key included) is 400
     * malformed-request; a null, mistyped or malformed job_id in well-formed JSON is 422 naming job_id; never a 500,
     * never a class name.
     */
    @Test
    void notJsonIs400AndAWrongJobIdInWellFormedJsonIs422NamingJobId() {
        task("x")
                .body("{\"job_id\":\"a\",\"job_id\":\"b\"}")
                .when()
                .post("/tasks/custom-provision")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("malformed-request"));
        for (String body : new String[] {
            "null",
            "{\"job_id\":null}",
            "{\"job_id\":1}",
            "[]",
            "{\"job_id\":\"" + "j".repeat(100_000) + "\"}",
            "{\"job_id\":\"job\\u0000x\"}"
        }) {
            task("x")
                    .body(body)
                    .when()
                    .post("/tasks/custom-provision")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", containsString("validation-failed"))
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("job_id"))
                    .body(org.hamcrest.Matchers.not(containsString("TaskBody")))
                    .body(org.hamcrest.Matchers.not(containsString("com.")))
                    .body(org.hamcrest.Matchers.not(containsString("Exception")));
        }
    }
}
