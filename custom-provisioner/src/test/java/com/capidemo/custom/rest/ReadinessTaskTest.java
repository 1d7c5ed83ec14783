package com.capidemo.custom.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoMetadata;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.service.DemoFinisher;
import com.capidemo.core.service.ReadinessJobs;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.core.testing.MutableClock;
import com.capidemo.custom.service.ReadinessPacer;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /tasks/readiness: the readiness job the demo finisher queued scores the demo's golden questions once, paced
 * under readiness' share of the chat quota; a used-up quota answers "retry later" and never scores a question as
 * failed.
 */
@QuarkusTest
class ReadinessTaskTest {

    private static final String TEMPLATE = "banking";

    @Inject
    JobStore jobs;

    @Inject
    DemoStore demos;

    @Inject
    Warehouse warehouse;

    @Inject
    TemplateLibrary templates;

    @Inject
    DemoFinisher finisher;

    /** A demo finished as quick-provisioner finishes one: dataset loaded from a template, agent, ready. */
    private String readyDemo() {
        TemplateDefinition template = templates.find(TEMPLATE).orElseThrow();
        Map<String, Long> rows = templates.materialize(template);
        String demoId = Ids.demoId();
        demos.create(Demo.provisioning(
                demoId, "tenant_rt", "ce@example.com", "Readiness Bank", "banking", TEMPLATE, Instant.now()));
        warehouse.createDataset(demoId, Map.of("demo", demoId));
        for (TableSpec table : template.tables()) {
            warehouse.loadParquet(demoId, table.name(), TemplateLibrary.tableObject(TEMPLATE, table.name()));
        }
        finisher.finish(
                new AgentSpec(
                        demoId,
                        "tenant_rt",
                        demoId,
                        template.tableNames(),
                        template.systemInstruction(),
                        template.domainGoldenQueries()),
                new DemoMetadata(template.tableCount(), template.totalRows(), rows, null, null, null),
                id -> {});
        return demoId;
    }

    private static ValidatableResponse deliver(String jobId, int retry) {
        return given().header("X-Worker-Secret", "test-secret")
                .header("X-CloudTasks-QueueName", "custom-provision")
                .header("X-CloudTasks-TaskName", "job-" + jobId)
                .header("X-CloudTasks-TaskRetryCount", String.valueOf(retry))
                .contentType("application/json")
                .body("{\"job_id\":\"" + jobId + "\"}")
                .when()
                .post("/tasks/readiness")
                .then();
    }

    @Test
    void theReadinessJobScoresTheDemoOnceAndARedeliveryScoresNothingAgain() {
        String demoId = readyDemo();
        String jobId = ReadinessJobs.jobIdFor(demoId);
        assertThat(jobs.find(jobId).orElseThrow().type()).isEqualTo(JobType.READINESS);
        assertThat(demos.find(demoId).orElseThrow().readiness())
                .as("not scored before its job runs")
                .isNull();

        deliver(jobId, 0).statusCode(200);

        Readiness first = demos.find(demoId).orElseThrow().readiness();
        assertThat(first).isNotNull();
        assertThat(first.score()).isEqualTo(100.0);
        assertThat(first.total())
                .isEqualTo(
                        templates.find(TEMPLATE).orElseThrow().goldenQueries().size());
        Job done = jobs.find(jobId).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);

        deliver(jobId, 1).statusCode(200);

        assertThat(demos.find(demoId).orElseThrow().readiness())
                .as("the redelivery did not score again")
                .isEqualTo(first);
        assertThat(jobs.find(jobId).orElseThrow().attempts()).isEqualTo(1);
    }

    @Inject
    ReadinessJobs readinessJobs;

    @Inject
    DataAgents agents;

    @Test
    void anEditedTalkTrackIsScoredAgainByAJobOfItsOwnAndItsRedeliveryScoresNothingAgain() {
        String demoId = readyDemo();
        deliver(ReadinessJobs.jobIdFor(demoId), 0).statusCode(200);
        Readiness first = demos.find(demoId).orElseThrow().readiness();
        Demo demo = demos.find(demoId).orElseThrow();
        java.util.List<com.capidemo.core.domain.GoldenQuery> shorter =
                demo.goldenQueries().subList(0, 2);
        assertThat(demos.replaceGoldenQueries(demoId, demo.goldenQueries(), shorter))
                .isTrue();
        agents.updateContext(demo.agentId(), "Be brief.", shorter);

        assertThat(readinessJobs.enqueue(demoId, "tenant_rt", "ce@example.com")).isTrue();
        assertThat(jobs.find(ReadinessJobs.jobIdFor(demoId)).orElseThrow().status())
                .as("queueing the first job again is a no-op: it stays finished")
                .isEqualTo(JobStatus.COMPLETED);
        String rescore = readinessJobs
                .enqueueRescore(demoId, "tenant_rt", "ce@example.com", "v2")
                .orElseThrow();
        assertThat(readinessJobs.enqueueRescore(demoId, "tenant_rt", "ce@example.com", "v2"))
                .as("the same version asked again is the same job")
                .hasValue(rescore);
        assertThat(rescore).isNotEqualTo(ReadinessJobs.jobIdFor(demoId));

        deliver(rescore, 0).statusCode(200);

        Readiness second = demos.find(demoId).orElseThrow().readiness();
        assertThat(second.total()).isEqualTo(2).isNotEqualTo(first.total());
        assertThat(jobs.find(rescore).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);

        deliver(rescore, 1).statusCode(200);
        assertThat(jobs.find(rescore).orElseThrow().attempts())
                .as("a duplicate delivery is a no-op")
                .isEqualTo(1);
        assertThat(demos.find(demoId).orElseThrow().readiness()).isEqualTo(second);
    }

    @Test
    void aUsedUpChatQuotaIsRetriedLaterAndNeverScoredAsFailedQuestions() {
        String demoId = readyDemo();
        String jobId = ReadinessJobs.jobIdFor(demoId);
        MutableClock quotaClock = MutableClock.at("2026-06-01T10:00:00Z");
        // one chat request a minute and no waiting: the second golden question finds no permit
        QuarkusMock.installMockForType(
                new ReadinessPacer(true, 1, Duration.ZERO, quotaClock, quotaClock::advance), ReadinessPacer.class);

        deliver(jobId, 0).statusCode(503).header("Retry-After", "60");

        assertThat(demos.find(demoId).orElseThrow().readiness())
                .as("no score, and no question counted as failed")
                .isNull();
        Job waiting = jobs.find(jobId).orElseThrow();
        assertThat(waiting.status())
                .as("released for the queue's next delivery")
                .isNotEqualTo(JobStatus.FAILED);

        // the queue delivers it again; now the share has room (15 a minute, waiting up to five minutes per question)
        Instant before = quotaClock.instant();
        QuarkusMock.installMockForType(
                new ReadinessPacer(true, 15, Duration.ofMinutes(5), quotaClock, quotaClock::advance),
                ReadinessPacer.class);

        deliver(jobId, 1).statusCode(200);

        Readiness score = demos.find(demoId).orElseThrow().readiness();
        assertThat(score.score()).isEqualTo(100.0);
        assertThat(score.failed()).isEmpty();
        assertThat(Duration.between(before, quotaClock.instant()))
                .as("the questions were paced at four seconds each")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(4L * (score.total() - 1)));
        assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void waitingForTheQuotaUsesNoAttemptSoATransientFailureAfterMoreWaitsThanAttemptsIsRetried() {
        String demoId = readyDemo();
        String jobId = ReadinessJobs.jobIdFor(demoId);
        MutableClock quotaClock = MutableClock.at("2026-06-01T10:00:00Z");
        int waits = com.capidemo.core.worker.JobRunner.MAX_JOB_ATTEMPTS + 1;
        for (int i = 0; i < waits; i++) {
            // one chat request a minute and no waiting: the second golden question finds no permit
            QuarkusMock.installMockForType(
                    new ReadinessPacer(true, 1, Duration.ZERO, quotaClock, quotaClock::advance), ReadinessPacer.class);
            // the task dispatcher sends the task again after Retry-After without counting an attempt
            deliver(jobId, 0).statusCode(503).header("Retry-After", "60");
            quotaClock.advance(Duration.ofSeconds(61));
        }

        // room now, but the demo's agent cannot be found for a moment: a transient failure, answered without a wait
        String agentId = demos.find(demoId).orElseThrow().agentId();
        AgentSpec spec = agents.find(agentId).orElseThrow();
        agents.deleteAgent(agentId);
        QuarkusMock.installMockForType(
                new ReadinessPacer(true, 15, Duration.ofMinutes(5), quotaClock, quotaClock::advance),
                ReadinessPacer.class);
        ValidatableResponse answer = deliver(jobId, 0);

        Job retried = jobs.find(jobId).orElseThrow();
        assertThat(retried.error()).as("not failed").isNull();
        assertThat(retried.status()).as("retried, not failed").isEqualTo(JobStatus.RUNNING);
        assertThat(retried.attempts())
                .as("waiting used no attempt: this is the first")
                .isEqualTo(1);
        answer.statusCode(503).header("Retry-After", org.hamcrest.Matchers.nullValue());

        agents.createAgent(spec);
        deliver(jobId, 1).statusCode(200);
        assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(demos.find(demoId).orElseThrow().readiness().score()).isEqualTo(100.0);
    }

    @Test
    void aReadinessDeliveryForAnotherKindOfJobIsRefusedWithoutTouchingIt() {
        String demoId = Ids.demoId();
        Job custom = Job.queued(
                Ids.jobId(),
                demoId,
                "tenant_rt",
                new com.capidemo.core.domain.JobPayload.Custom("Acme", "retail", null, null, null, null),
                Instant.now());
        jobs.create(custom);

        deliver(custom.jobId(), 0).statusCode(422);

        assertThat(jobs.find(custom.jobId()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.find(custom.jobId()).orElseThrow().attempts()).isZero();
    }
}
