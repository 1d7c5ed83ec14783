package com.capidemo.custom.gcp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoMetadata;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobStatus;
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
import com.capidemo.core.worker.JobRunner;
import com.capidemo.custom.service.ReadinessPacer;
import com.capidemo.gcp.CloudTasksQueue;
import com.capidemo.gcp.FakeCloudTasks;
import com.capidemo.gcp.InProcessGrpc;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.cloud.tasks.v2.Task;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A readiness job paced out by the chat quota, with Cloud Tasks as the custom-job queue (the real client and
 * {@link CloudTasksQueue}, against an in-process fake of the service): each refused delivery is acknowledged 200 and
 * the job handed back as a new task scheduled after the wait, so no delivery uses one of the queue's attempts nor one
 * of the job's own (a transient failure after more deferrals than the job has attempts is still retried); a
 * redelivery of a deferring task finds its next task already there; once the deferrals would pass
 * platform.queue.custom.max-deferral (6 minutes here) on the platform clock, the job fails with that reason.
 */
@QuarkusTest
@TestProfile(ReadinessDeferralTest.OnCloudTasks.class)
class ReadinessDeferralTest {

    static final FakeCloudTasks CLOUD_TASKS = new FakeCloudTasks();
    static final MutableClock CLOCK = MutableClock.at("2026-06-01T10:00:00Z");
    private static final String QUEUE_PATH =
            "projects/demo-project/locations/us-central1/queues/custom-provision/tasks/";

    public static class OnCloudTasks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "platform.queue.custom.transport", "cloudtasks",
                    "platform.gcp.project-id", "demo-project",
                    "platform.gcp.region", "us-central1",
                    "platform.queue.custom.service-account-email", "tasks-invoker@demo-project.iam.gserviceaccount.com",
                    "platform.queue.custom.max-deferral", "6m");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(Fakes.class);
        }

        /** The platform clock, and the Cloud Tasks client reaching the in-process fake. */
        @Alternative
        @Priority(1)
        @ApplicationScoped
        public static class Fakes {
            @Produces
            @Singleton
            Clock clock() {
                return CLOCK;
            }

            @Produces
            @Singleton
            CloudTasksClient cloudTasks() throws IOException {
                InProcessGrpc grpc = InProcessGrpc.start(CLOUD_TASKS.service());
                return CloudTasksClient.create(CloudTasksQueue.retryCreateTask(
                                CloudTasksSettings.newBuilder()
                                        .setTransportChannelProvider(grpc.channels())
                                        .setCredentialsProvider(InProcessGrpc.noCredentials()),
                                Duration.ofSeconds(10))
                        .build());
            }
        }
    }

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

    /** A ready demo; finishing it queues its readiness job as a Cloud Tasks task. */
    private String readyDemo() {
        TemplateDefinition template = templates.find("banking").orElseThrow();
        Map<String, Long> rows = templates.materialize(template);
        String demoId = Ids.demoId();
        demos.create(Demo.provisioning(
                demoId, "tenant_rd", "ce@example.com", "Deferral Bank", "banking", "banking", CLOCK.instant()));
        warehouse.createDataset(demoId, Map.of("demo", demoId));
        for (TableSpec table : template.tables()) {
            warehouse.loadParquet(demoId, table.name(), TemplateLibrary.tableObject("banking", table.name()));
        }
        finisher.finish(
                new AgentSpec(
                        demoId,
                        "tenant_rd",
                        demoId,
                        template.tableNames(),
                        template.systemInstruction(),
                        template.domainGoldenQueries()),
                new DemoMetadata(template.tableCount(), template.totalRows(), rows, null, null, null),
                id -> {});
        return demoId;
    }

    /** The chat quota's share: the first question of a delivery gets a permit, the second waits a minute for one. */
    private static void quotaRoomForOneQuestion() {
        MutableClock quota = MutableClock.at("2026-06-01T00:00:00Z");
        QuarkusMock.installMockForType(
                new ReadinessPacer(true, 1, Duration.ZERO, quota, quota::advance), ReadinessPacer.class);
    }

    private static Task task(String shortName) {
        Task task = CLOUD_TASKS.tasks.get(QUEUE_PATH + shortName);
        assertThat(task).as("Cloud Tasks holds task %s", shortName).isNotNull();
        return task;
    }

    /** Cloud Tasks delivering {@code task} (first attempt) to the URL it names, as custom-provisioner sees it. */
    private static ValidatableResponse deliver(Task task) {
        return deliver(task, 0);
    }

    /** Cloud Tasks delivering {@code task} on its attempt {@code retryCount} + 1. */
    private static ValidatableResponse deliver(Task task, int retryCount) {
        String url = task.getHttpRequest().getUrl();
        return given().header("X-Worker-Secret", "test-secret")
                .header("X-CloudTasks-QueueName", "custom-provision")
                .header("X-CloudTasks-TaskName", task.getName().substring(QUEUE_PATH.length()))
                .header("X-CloudTasks-TaskRetryCount", String.valueOf(retryCount))
                .contentType("application/json")
                .body(task.getHttpRequest().getBody().toByteArray())
                .when()
                .post(url.substring(url.indexOf("/tasks/")))
                .then();
    }

    private static List<Task> tasksOf(String jobId) {
        return CLOUD_TASKS.tasks.values().stream()
                .filter(t -> t.getName().contains(jobId))
                .sorted(Comparator.comparing(Task::getName))
                .toList();
    }

    @Test
    void aPacedOutDeliveryIsAcknowledgedAndDeliveredAgainByANewTaskUntilMaxDeferralThenTheJobFails() {
        String demoId = readyDemo();
        String jobId = ReadinessJobs.jobIdFor(demoId);
        String first = "job-" + jobId;
        Instant start = CLOCK.instant();

        quotaRoomForOneQuestion();
        deliver(task(first))
                .statusCode(200)
                .body("outcome", equalTo("deferred"))
                .body("next_task", equalTo(first + "-d1"));

        Task d1 = task(first + "-d1");
        assertThat(Instant.ofEpochSecond(d1.getScheduleTime().getSeconds()))
                .as("scheduled after the quota's wait")
                .isEqualTo(start.plusSeconds(60));
        assertThat(d1.getHttpRequest().getBody().toStringUtf8())
                .contains("\"deferrals\":1", "\"deferred_since\":\"" + start + "\"");
        assertThat(jobs.find(jobId).orElseThrow().status()).isNotEqualTo(JobStatus.FAILED);
        assertThat(demos.find(demoId).orElseThrow().readiness()).isNull();

        // Cloud Tasks delivers the deferred task when it is due (a second later than the lease, which a heartbeat may
        // have renewed just before the release); the quota is still used up
        CLOCK.advance(Duration.ofSeconds(61));
        quotaRoomForOneQuestion();
        deliver(d1).statusCode(200).body("next_task", equalTo(first + "-d2"));

        // the first task delivered again (its 200 was lost), and then the second: each defers to the next task it
        // named before, which Cloud Tasks already holds, so there is still one of each
        CLOCK.advance(Duration.ofSeconds(61));
        quotaRoomForOneQuestion();
        deliver(task(first)).statusCode(200).body("next_task", equalTo(first + "-d1"));
        CLOCK.advance(Duration.ofSeconds(61));
        quotaRoomForOneQuestion();
        deliver(d1).statusCode(200).body("next_task", equalTo(first + "-d2"));
        assertThat(tasksOf(jobId)).hasSize(3);

        CLOCK.advance(Duration.ofSeconds(61));
        quotaRoomForOneQuestion();
        deliver(task(first + "-d2")).statusCode(200).body("next_task", equalTo(first + "-d3"));
        assertThat(task(first + "-d3").getHttpRequest().getBody().toStringUtf8())
                .as("the first deferral's time is carried on")
                .contains("\"deferrals\":3", "\"deferred_since\":\"" + start + "\"");

        // 5 min 5 s deferred by now: another minute's wait would pass max-deferral (6 minutes)
        CLOCK.advance(Duration.ofSeconds(61));
        quotaRoomForOneQuestion();
        deliver(task(first + "-d3")).statusCode(200).body("outcome", equalTo("done"));

        Job failed = jobs.find(jobId).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error())
                .contains("chat quota", "deferred 3 times", "platform.queue.custom.max-deferral", "PT6M");
        assertThat(tasksOf(jobId)).as("no task after the last").hasSize(4);
        Demo demo = demos.find(demoId).orElseThrow();
        assertThat(demo.status().wire()).as("the demo stays ready").isEqualTo("ready");
        assertThat(demo.readiness()).as("its readiness unknown").isNull();
    }

    @Inject
    DataAgents agents;

    @Test
    void deferralsUseNoAttemptSoATransientFailureAfterMoreDeferralsThanAttemptsIsRetriedNotFailed() {
        String demoId = readyDemo();
        String jobId = ReadinessJobs.jobIdFor(demoId);
        String first = "job-" + jobId;

        // one deferral more than the job's attempts, all within max-deferral (6 minutes)
        String current = first;
        for (int n = 1; n <= JobRunner.MAX_JOB_ATTEMPTS + 1; n++) {
            quotaRoomForOneQuestion();
            deliver(task(current))
                    .statusCode(200)
                    .body("outcome", equalTo("deferred"))
                    .body("next_task", equalTo(first + "-d" + n));
            current = first + "-d" + n;
            CLOCK.advance(Duration.ofSeconds(61));
        }
        assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);

        // the next delivery finds room, but the demo's agent cannot be found for a moment: a transient failure
        String agentId = demos.find(demoId).orElseThrow().agentId();
        AgentSpec spec = agents.find(agentId).orElseThrow();
        agents.deleteAgent(agentId);
        MutableClock quota = MutableClock.at("2026-06-01T00:00:00Z");
        QuarkusMock.installMockForType(
                new ReadinessPacer(true, 15, Duration.ofMinutes(5), quota, quota::advance), ReadinessPacer.class);
        ValidatableResponse answer = deliver(task(current));

        Job retried = jobs.find(jobId).orElseThrow();
        assertThat(retried.error()).as("not failed").isNull();
        assertThat(retried.status()).as("retried, not failed").isEqualTo(JobStatus.RUNNING);
        assertThat(retried.attempts())
                .as("waiting used no attempt: this is the first")
                .isEqualTo(1);
        answer.statusCode(503).body("outcome", equalTo("retry"));
        assertThat(tasksOf(jobId))
                .as("a failure is retried by Cloud Tasks, not deferred")
                .hasSize(5);

        // Cloud Tasks retries the task; the agent is back
        assertThat(agents.createAgent(spec)).isEqualTo(agentId);
        CLOCK.advance(Duration.ofSeconds(10));
        deliver(task(current), 1).statusCode(200).body("outcome", equalTo("done"));

        Job done = jobs.find(jobId).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(demos.find(demoId).orElseThrow().readiness().score()).isEqualTo(100.0);
    }

    @Test
    void aDeferredTaskThatFindsRoomScoresTheDemo() {
        String demoId = readyDemo();
        String jobId = ReadinessJobs.jobIdFor(demoId);
        String first = "job-" + jobId;

        quotaRoomForOneQuestion();
        deliver(task(first)).statusCode(200).body("outcome", equalTo("deferred"));

        CLOCK.advance(Duration.ofSeconds(61));
        MutableClock quota = MutableClock.at("2026-06-01T00:00:00Z");
        QuarkusMock.installMockForType(
                new ReadinessPacer(true, 15, Duration.ofMinutes(5), quota, quota::advance), ReadinessPacer.class);
        deliver(task(first + "-d1")).statusCode(200).body("outcome", equalTo("done"));

        assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(demos.find(demoId).orElseThrow().readiness().score()).isEqualTo(100.0);
        assertThat(demos.find(demoId).orElseThrow().readiness().failed()).isEmpty();
        assertThat(tasksOf(jobId)).as("no further deferral").hasSize(2);
    }
}
