package com.capidemo.api.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.capidemo.api.support.Retries;
import com.capidemo.api.support.TaskStub;
import com.capidemo.api.support.Tenants;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.TaskQueue;
import com.capidemo.core.port.TaskRequest;
import com.capidemo.core.testing.MutableClock;
import com.capidemo.local.SqliteDatabase;
import com.capidemo.local.TaskDispatcher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(TaskDispatcherProfile.class)
@QuarkusTestResource(value = TaskStub.class, restrictToAnnotatedClass = true)
class TaskDispatcherTest {

    @Inject
    TaskQueue tasks;

    @Inject
    JobStore jobs;

    @Inject
    SqliteDatabase db;

    @Inject
    TaskDispatcher dispatcher;

    @Inject
    MutableClock clock;

    @BeforeEach
    void reset() {
        TaskStub.reset(200);
        clock.advance(Duration.ofSeconds(1)); // a full bucket: the rate limit's tokens refill as the clock moves
    }

    private Job submit() {
        Job job = Job.queued(
                Ids.jobId(),
                null,
                "tenant_x",
                new JobPayload.Pipeline(null, null, null, null, null, null, null),
                Instant.now());
        tasks.submit(
                null,
                job,
                new TaskRequest(
                        TaskRequest.nameFor(job.jobId()),
                        TaskRequest.PIPELINE_RUN,
                        ("{\"job_id\":\"" + job.jobId() + "\"}").getBytes()));
        return job;
    }

    private List<TaskStub.Received> receivedFor(Job job) {
        return TaskStub.RECEIVED.stream()
                .filter(r -> r.body().contains(job.jobId()))
                .toList();
    }

    private String taskStatus(Job job) {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT status FROM tasks WHERE job_id = ?")) {
                ps.setString(1, job.jobId());
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private Retries retries() {
        return new Retries(db, "tasks", clock, dispatcher::wake);
    }

    private void retriedAfter(Job job, int attempt, Duration backoff) {
        retries().retriedAfter(job.jobId(), attempt, backoff);
    }

    @AfterEach
    void drain() {
        TaskStub.reset(200);
        retries().drain();
    }

    @Test
    void aTaskIsPostedWithTheCloudTasksHeadersAndFinishedOn2xx() {
        Job job = submit();
        await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(taskStatus(job)));
        TaskStub.Received r = receivedFor(job).get(0);
        assertThat(r.path()).isEqualTo("/tasks/pipeline-run");
        assertThat(r.headers())
                .containsEntry("X-CloudTasks-QueueName", "custom-provision")
                .containsEntry("X-CloudTasks-TaskName", TaskRequest.nameFor(job.jobId()))
                .containsEntry("X-CloudTasks-TaskRetryCount", "0")
                .containsEntry("X-Worker-Secret", "stub-secret")
                .containsEntry("Content-Type", "application/json");
        assertThat(receivedFor(job)).hasSize(1);
    }

    @Test
    void aFailedDispatchIsRetriedWithBackoffAndAGrowingRetryCount() {
        TaskStub.SCRIPT.add(503);
        TaskStub.SCRIPT.add(500);
        Job job = submit();
        retriedAfter(job, 1, Duration.ofSeconds(10)); // the minimum backoff
        retriedAfter(job, 2, Duration.ofSeconds(20)); // doubled
        await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(taskStatus(job)));
        List<TaskStub.Received> got = receivedFor(job);
        assertThat(got)
                .extracting(r -> r.headers().get("X-CloudTasks-TaskRetryCount"))
                .containsExactly("0", "1", "2");
        assertThat(jobs.find(job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void afterTheLastAttemptTheTaskAndItsJobFail() {
        TaskStub.reset(500);
        Job job = submit();
        retriedAfter(job, 1, Duration.ofSeconds(10));
        retriedAfter(job, 2, Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(taskStatus(job)));
        // The task row is marked first, then its job: wait for the second write too.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jobs.find(job.jobId()).orElseThrow().status() == JobStatus.FAILED);
        assertThat(receivedFor(job)).hasSize(3);
        Job failed = jobs.find(job.jobId()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).contains("task failed after 3 attempts").contains("500");
    }

    /** Attempts counted and when the task is next due, once its {@code deliveries}-th delivery was answered. */
    private long[] pendingAfter(Job job, int deliveries) {
        long[][] seen = new long[1][];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            if (receivedFor(job).size() < deliveries) {
                return false;
            }
            seen[0] = db.read(c -> {
                try (var ps = c.prepareStatement(
                        "SELECT attempts, next_attempt_at FROM tasks WHERE job_id = ? AND status = 'pending'")) {
                    ps.setString(1, job.jobId());
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
                    }
                }
            });
            return seen[0] != null && seen[0][1] > clock.millis();
        });
        return seen[0];
    }

    @Test
    void aPacingRefusalIsSentAgainAtItsRetryAfterWithoutUsingUpAnAttempt() {
        TaskStub.retryAfter = "120";
        for (int i = 0; i < 4; i++) { // more refusals than the queue's 3 attempts
            TaskStub.SCRIPT.add(503);
        }
        Job job = submit();
        for (int delivery = 1; delivery <= 4; delivery++) {
            long[] pending = pendingAfter(job, delivery);
            assertThat(pending[0])
                    .as("attempts used after refusal %d", delivery)
                    .isZero();
            assertThat(pending[1]).as("due at the Retry-After").isEqualTo(clock.millis() + 120_000);
            clock.advance(Duration.ofSeconds(119));
            dispatcher.wake();
            assertThat(receivedFor(job)).as("not sent before the Retry-After").hasSize(delivery);
            clock.advance(Duration.ofSeconds(1));
            dispatcher.wake();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(taskStatus(job)));
        assertThat(receivedFor(job))
                .hasSize(5)
                .extracting(r -> r.headers().get("X-CloudTasks-TaskRetryCount"))
                .containsOnly("0");
        assertThat(jobs.find(job.jobId()).orElseThrow().status()).isNotEqualTo(JobStatus.FAILED);
    }

    @Test
    void deferringIsCappedAndThenRefusalsCountAsAttempts() {
        TaskStub.reset(503);
        TaskStub.retryAfter = "300"; // max-deferral is 10 minutes in this profile: two deferrals fit
        Job job = submit();
        assertThat(pendingAfter(job, 1)[0]).isZero();
        clock.advance(Duration.ofSeconds(300));
        dispatcher.wake();
        assertThat(pendingAfter(job, 2)[0]).isZero();
        clock.advance(Duration.ofSeconds(300));
        dispatcher.wake();
        long[] counted = pendingAfter(job, 3);
        assertThat(counted[0])
                .as("the third would defer past the cap: it counts")
                .isEqualTo(1);
        assertThat(counted[1]).as("and waits the backoff").isEqualTo(clock.millis() + 10_000);
        clock.advance(Duration.ofSeconds(10));
        dispatcher.wake();
        retriedAfter(job, 2, Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jobs.find(job.jobId()).orElseThrow().status() == JobStatus.FAILED);
        assertThat(jobs.find(job.jobId()).orElseThrow().error()).contains("task failed after 3 attempts");
        assertThat(receivedFor(job)).hasSize(5);
    }

    @Test
    void enqueueingTheSameTaskNameTwiceCreatesOneTask() {
        Job job = Job.queued(
                Ids.jobId(),
                null,
                "tenant_x",
                new JobPayload.Pipeline(null, null, null, null, null, null, null),
                Instant.now());
        TaskRequest request = new TaskRequest(
                TaskRequest.nameFor(job.jobId()),
                TaskRequest.PIPELINE_RUN,
                ("{\"job_id\":\"" + job.jobId() + "\"}").getBytes());
        tasks.submit(null, job, request);
        Job second = Job.queued(
                Ids.jobId(),
                null,
                "tenant_x",
                new JobPayload.Pipeline(null, null, null, null, null, null, null),
                Instant.now());
        tasks.submit(null, second, request); // same name: Cloud Tasks would answer ALREADY_EXISTS
        await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(taskStatus(job)));
        long rows = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM tasks WHERE task_name = ?")) {
                ps.setString(1, request.name());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertThat(rows).isEqualTo(1);
        assertThat(receivedFor(job)).hasSize(1);
    }

    @Test
    void dispatchesAreRateLimitedToFivePerSecond() {
        List<Job> burst = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            burst.add(submit());
        }
        // A burst of one second's worth, then one more for each fifth of a second the clock moves; none while it
        // stands.
        assertDispatched(burst, 5);
        clock.advance(Duration.ofMillis(200));
        dispatcher.wake();
        assertDispatched(burst, 6);
        clock.advance(Duration.ofMillis(800));
        dispatcher.wake();
        assertDispatched(burst, 10);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.wake();
        assertDispatched(burst, 15);
        await().atMost(Duration.ofSeconds(10)).until(() -> burst.stream().allMatch(j -> "done".equals(taskStatus(j))));
    }

    /** Waits until {@code n} of the tasks reached the worker, then checks that no more did. */
    private void assertDispatched(List<Job> tasks, int n) {
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        tasks.stream().filter(j -> !receivedFor(j).isEmpty()).count() >= n);
        long sent = tasks.stream()
                .filter(j -> db.read(c -> {
                    try (var ps = c.prepareStatement("SELECT attempts FROM tasks WHERE job_id = ?")) {
                        ps.setString(1, j.jobId());
                        try (var rs = ps.executeQuery()) {
                            return rs.next() && rs.getInt(1) > 0;
                        }
                    }
                }))
                .count();
        assertThat(sent).as("tasks dispatched").isEqualTo(n);
    }

    @Test
    void aCustomProvisionThroughTheApiReachesTheWorkerPath() {
        String key = Tenants.onboardNew("taskapi");
        String jobId = given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"customer_name\":\"Nordic Telco\",\"industry\":\"telecom\"}")
                .when()
                .post("/api/provision/custom")
                .then()
                .statusCode(202)
                .extract()
                .path("job_id");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TaskStub.RECEIVED.stream().anyMatch(r -> r.body().contains(jobId)));
        assertThat(TaskStub.RECEIVED.stream()
                        .filter(r -> r.body().contains(jobId))
                        .findFirst()
                        .orElseThrow()
                        .path())
                .isEqualTo("/tasks/custom-provision");
    }
}
