package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.port.DuplicateJobException;
import com.capidemo.core.port.TaskDelivery;
import com.capidemo.core.port.TaskQueue;
import com.capidemo.core.port.TaskRequest;
import com.capidemo.core.testing.MutableClock;
import com.capidemo.local.SqliteDatabase;
import com.capidemo.local.SqliteDemoStore;
import com.capidemo.local.SqliteJobStore;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.Task;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CloudTasksQueue through the real Cloud Tasks client against an in-process fake of the service. */
class CloudTasksQueueTest {

    private static final CloudTasksQueue.Config CONFIG = new CloudTasksQueue.Config(
            "capi-demo",
            "us-central1",
            "custom-provision",
            "https://custom-provisioner-abc.a.run.app/",
            "tasks-invoker@capi-demo.iam.gserviceaccount.com",
            null,
            null);
    private static final String QUEUE = "projects/capi-demo/locations/us-central1/queues/custom-provision";

    @TempDir
    Path dir;

    private final FakeCloudTasks fake = new FakeCloudTasks();
    private final MutableClock clock = MutableClock.at("2026-06-01T10:00:00Z");
    private InProcessGrpc grpc;
    private CloudTasksClient client;
    private SqliteJobStore jobs;
    private SqliteDemoStore demos;

    @BeforeEach
    void setUp() throws Exception {
        grpc = InProcessGrpc.start(fake.service());
        SqliteDatabase db = new SqliteDatabase(dir.resolve("store.db"));
        jobs = new SqliteJobStore(db, Clock.systemUTC());
        demos = new SqliteDemoStore(db, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        grpc.close();
    }

    /** The client as the producer builds it, with our createTask retries (see CloudTasksQueue.retryCreateTask). */
    private CloudTasksQueue queue(boolean retries) throws Exception {
        CloudTasksSettings.Builder settings = CloudTasksSettings.newBuilder()
                .setTransportChannelProvider(grpc.channels())
                .setCredentialsProvider(InProcessGrpc.noCredentials());
        if (retries) {
            CloudTasksQueue.retryCreateTask(settings, Duration.ofSeconds(10));
        }
        client = CloudTasksClient.create(settings.build());
        return new CloudTasksQueue(client, jobs, demos, CONFIG, clock);
    }

    private static Demo demo() {
        return Demo.provisioning(Ids.demoId(), "acme", "ce@example.com", "Acme", "Retail", null, Instant.now());
    }

    private static Job job(String demoId) {
        return Job.queued(
                Ids.jobId(),
                demoId,
                "acme",
                new JobPayload.Custom(null, "Retail", null, null, null, null),
                Instant.now());
    }

    private static TaskRequest request(Job job) {
        return new TaskRequest(
                TaskRequest.nameFor(job.jobId()),
                TaskRequest.CUSTOM_PROVISION,
                ("{\"job_id\":\"" + job.jobId() + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void createsOneHttpTaskNamedAfterTheJobWithAnOidcTokenAndTheDispatchDeadline() throws Exception {
        Demo demo = demo();
        Job job = job(demo.demoId());

        queue(true).submit(demo, job, request(job));

        assertThat(fake.requests).hasSize(1);
        assertThat(fake.requests.get(0).getParent()).isEqualTo(QUEUE);
        Task task = fake.requests.get(0).getTask();
        assertThat(task.getName()).isEqualTo(QUEUE + "/tasks/job-" + job.jobId());
        assertThat(task.getDispatchDeadline().getSeconds()).isEqualTo(600);
        assertThat(task.getHttpRequest().getHttpMethod()).isEqualTo(HttpMethod.POST);
        assertThat(task.getHttpRequest().getUrl())
                .isEqualTo("https://custom-provisioner-abc.a.run.app/tasks/custom-provision");
        assertThat(task.getHttpRequest().getHeadersMap()).containsEntry("Content-Type", "application/json");
        assertThat(task.getHttpRequest().getBody().toStringUtf8()).isEqualTo("{\"job_id\":\"" + job.jobId() + "\"}");
        assertThat(task.getHttpRequest().getOidcToken().getServiceAccountEmail())
                .isEqualTo("tasks-invoker@capi-demo.iam.gserviceaccount.com");
        assertThat(task.getHttpRequest().getOidcToken().getAudience())
                .isEqualTo("https://custom-provisioner-abc.a.run.app");
        assertThat(jobs.find(job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(demos.find(demo.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.PROVISIONING);
    }

    @Test
    void configuredAudienceAndDeadlineAreUsed() throws Exception {
        client = CloudTasksClient.create(CloudTasksSettings.newBuilder()
                .setTransportChannelProvider(grpc.channels())
                .setCredentialsProvider(InProcessGrpc.noCredentials())
                .build());
        CloudTasksQueue q = new CloudTasksQueue(
                client,
                jobs,
                demos,
                new CloudTasksQueue.Config(
                        "p",
                        "l",
                        "q",
                        "http://worker:8080",
                        "sa@p.iam.gserviceaccount.com",
                        "custom-provisioner",
                        Duration.ofMinutes(20)),
                clock);
        Job job = job(null);

        q.submit(null, job, new TaskRequest(TaskRequest.nameFor(job.jobId()), TaskRequest.PIPELINE_RUN, new byte[0]));

        Task task = fake.requests.get(0).getTask();
        assertThat(task.getName())
                .isEqualTo("projects/p/locations/l/queues/q/tasks/" + TaskRequest.nameFor(job.jobId()));
        assertThat(task.getHttpRequest().getUrl()).isEqualTo("http://worker:8080/tasks/pipeline-run");
        assertThat(task.getHttpRequest().getOidcToken().getAudience()).isEqualTo("custom-provisioner");
        assertThat(task.getDispatchDeadline().getSeconds()).isEqualTo(1200);
    }

    @Test
    void aRetriedSubmitMeetsAlreadyExistsAndStillLeavesOneTask() throws Exception {
        CloudTasksQueue q = queue(true);
        Demo demo = demo();
        Job job = job(demo.demoId());

        q.submit(demo, job, request(job));
        q.submit(demo, job, request(job));

        assertThat(fake.requests).hasSize(2);
        assertThat(fake.tasks).hasSize(1);
        assertThat(jobs.find(job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void unavailableIsRetriedByTheClientAndSucceeds() throws Exception {
        fake.failNext(Status.UNAVAILABLE);
        Job job = job(null);

        queue(true).submit(null, job, request(job));

        assertThat(fake.requests).hasSize(2);
        assertThat(fake.tasks).hasSize(1);
        assertThat(jobs.find(job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void aLostResponseIsRetriedAndTheRetrysAlreadyExistsIsSuccess() throws Exception {
        fake.loseNextResponse();
        Job job = job(null);

        queue(true).submit(null, job, request(job));

        assertThat(fake.requests).hasSize(2);
        assertThat(fake.tasks).hasSize(1);
        assertThat(jobs.find(job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void theGeneratedDefaultsDoNotRetryCreateTask() throws Exception {
        fake.failNext(Status.UNAVAILABLE);
        Job job = job(null);
        CloudTasksQueue q = queue(false);

        assertThatThrownBy(() -> q.submit(null, job, request(job))).isInstanceOf(IllegalStateException.class);
        assertThat(fake.requests).hasSize(1);
    }

    @Test
    void aFailureAfterRetriesFailsTheJobAndTheDemoWithTheReason() throws Exception {
        fake.failNext(Status.PERMISSION_DENIED.withDescription("no cloudtasks.tasks.create"));
        Demo demo = demo();
        Job job = job(demo.demoId());
        CloudTasksQueue q = queue(true);

        assertThatThrownBy(() -> q.submit(demo, job, request(job)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(QUEUE)
                .hasMessageContaining("no cloudtasks.tasks.create");

        assertThat(fake.requests).hasSize(1);
        Job failed = jobs.find(job.jobId()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).contains("no cloudtasks.tasks.create");
        assertThat(demos.find(demo.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.FAILED);
    }

    @Test
    void aDuplicateJobPropagatesBeforeAnythingIsEnqueued() throws Exception {
        SqliteJobStore held = new SqliteJobStore(new SqliteDatabase(dir.resolve("held.db")), Clock.systemUTC()) {
            @Override
            public boolean create(Job job) {
                throw new DuplicateJobException("acme-gcp-cost-billing", "job_other");
            }
        };
        client = CloudTasksClient.create(CloudTasksSettings.newBuilder()
                .setTransportChannelProvider(grpc.channels())
                .setCredentialsProvider(InProcessGrpc.noCredentials())
                .build());
        CloudTasksQueue q = new CloudTasksQueue(client, held, demos, CONFIG, clock);
        Job job = job(null);

        assertThatThrownBy(() -> q.submit(null, job, request(job))).isInstanceOf(DuplicateJobException.class);
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void aDeferralIsANewTaskForTheSameJobScheduledAfterTheWaitAndNamedAfterTheJobAndItsNumber() throws Exception {
        CloudTasksQueue q = queue(true);
        TaskDelivery first = TaskDelivery.of(TaskRequest.READINESS, "readiness_demo_0123456789abcdef");

        TaskQueue.Deferral deferral = q.defer(first, Duration.ofSeconds(60));

        assertThat(deferral)
                .isEqualTo(new TaskQueue.Deferral.Rescheduled(
                        "job-readiness_demo_0123456789abcdef-d1", Instant.parse("2026-06-01T10:01:00Z")));
        assertThat(fake.requests).hasSize(1);
        Task task = fake.requests.get(0).getTask();
        assertThat(task.getName()).isEqualTo(QUEUE + "/tasks/job-readiness_demo_0123456789abcdef-d1");
        assertThat(task.getScheduleTime().getSeconds())
                .isEqualTo(Instant.parse("2026-06-01T10:01:00Z").getEpochSecond());
        assertThat(task.getHttpRequest().getUrl())
                .isEqualTo("https://custom-provisioner-abc.a.run.app/tasks/readiness");
        assertThat(task.getHttpRequest().getOidcToken().getServiceAccountEmail())
                .isEqualTo("tasks-invoker@capi-demo.iam.gserviceaccount.com");
        assertThat(task.getHttpRequest().getBody().toStringUtf8())
                .isEqualTo("{\"job_id\":\"readiness_demo_0123456789abcdef\",\"deferrals\":1,"
                        + "\"deferred_since\":\"2026-06-01T10:00:00Z\"}");

        // the deferred task is deferred in turn: the next number, and the first deferral's time carried on
        clock.advance(Duration.ofSeconds(61));
        TaskDelivery second = new TaskDelivery(
                TaskRequest.READINESS,
                "readiness_demo_0123456789abcdef",
                1,
                Optional.of(Instant.parse("2026-06-01T10:00:00Z")));
        q.defer(second, Duration.ofSeconds(30));

        Task next = fake.requests.get(1).getTask();
        assertThat(next.getName()).isEqualTo(QUEUE + "/tasks/job-readiness_demo_0123456789abcdef-d2");
        assertThat(next.getScheduleTime().getSeconds())
                .isEqualTo(Instant.parse("2026-06-01T10:01:31Z").getEpochSecond());
        assertThat(next.getHttpRequest().getBody().toStringUtf8())
                .contains("\"deferrals\":2", "\"deferred_since\":\"2026-06-01T10:00:00Z\"");
    }

    @Test
    void aRedeliveredTaskDefersToTheSameNextTaskAndAlreadyExistsCountsAsDeferred() throws Exception {
        CloudTasksQueue q = queue(true);
        TaskDelivery delivery = TaskDelivery.of(TaskRequest.READINESS, "readiness_demo_0123456789abcdef");
        q.defer(delivery, Duration.ofSeconds(60));

        // the same delivery again (its 2xx was lost, or Cloud Tasks ran it twice), a little later
        clock.advance(Duration.ofSeconds(5));
        TaskQueue.Deferral again = q.defer(delivery, Duration.ofSeconds(60));

        assertThat(again).isInstanceOf(TaskQueue.Deferral.Rescheduled.class);
        assertThat(((TaskQueue.Deferral.Rescheduled) again).taskName())
                .isEqualTo("job-readiness_demo_0123456789abcdef-d1");
        assertThat(fake.requests).as("both asked for the same task").hasSize(2);
        assertThat(fake.requests.get(1).getTask().getName())
                .isEqualTo(fake.requests.get(0).getTask().getName());
        assertThat(fake.tasks).as("Cloud Tasks keeps one").hasSize(1);
        assertThat(fake.tasks.values().iterator().next().getScheduleTime().getSeconds())
                .as("the first deferral's schedule stands")
                .isEqualTo(Instant.parse("2026-06-01T10:01:00Z").getEpochSecond());
    }

    @Test
    void aDeferralWhoseResponseWasLostIsRetriedAndFoundAlreadyThere() throws Exception {
        CloudTasksQueue q = queue(true);
        fake.loseNextResponse();

        TaskQueue.Deferral deferral = q.defer(
                TaskDelivery.of(TaskRequest.READINESS, "readiness_demo_0123456789abcdef"), Duration.ofSeconds(60));

        assertThat(deferral).isInstanceOf(TaskQueue.Deferral.Rescheduled.class);
        assertThat(fake.requests)
                .as("created, response lost, retried: ALREADY_EXISTS")
                .hasSize(2);
        assertThat(fake.tasks).hasSize(1);
    }

    @Test
    void aDeferralTheQueueRefusesIsAnErrorAndTheJobIsNotFailed() throws Exception {
        CloudTasksQueue q = queue(false);
        Job job = job(null);
        jobs.create(job);
        fake.failNext(Status.PERMISSION_DENIED.withDescription("cloudtasks.tasks.create denied"));

        assertThatThrownBy(() -> q.defer(TaskDelivery.of(TaskRequest.READINESS, job.jobId()), Duration.ofSeconds(60)))
                .isInstanceOf(RuntimeException.class);
        assertThat(jobs.find(job.jobId()).orElseThrow().status())
                .as("the worker answers 503 and the queue retries the current delivery")
                .isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void aDeferredTaskNameTooLongForAWellFormedIdIsHashedAndStaysDeterministic() {
        TaskDelivery delivery = TaskDelivery.of(TaskRequest.READINESS, "r".repeat(60));

        String name = delivery.deferredTaskName();

        assertThat(Ids.isWellFormed(name)).isTrue();
        assertThat(name).startsWith("d1-").isEqualTo(delivery.deferredTaskName());
    }
}
