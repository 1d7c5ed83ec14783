package com.capidemo.gcp;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Job;
import com.capidemo.core.messaging.TraceContext;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.TaskDelivery;
import com.capidemo.core.port.TaskQueue;
import com.capidemo.core.port.TaskRequest;
import com.capidemo.core.service.JobFailures;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.cloud.tasks.v2.CreateTaskRequest;
import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.OidcToken;
import com.google.cloud.tasks.v2.QueueName;
import com.google.cloud.tasks.v2.Task;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The custom-job queue in gcp mode: the demo and the job are stored, then one HTTP task is created that POSTs the
 * body to custom-provisioner with a Google-signed OIDC token. The task's name comes from the job id, so Cloud Tasks
 * itself refuses a second task for the same job (ALREADY_EXISTS), which makes createTask safe to retry. Firestore and
 * Cloud Tasks share no transaction, so a job whose task cannot be created is failed at once instead of staying queued.
 *
 * <p>Cloud Tasks does not wait for a worker's Retry-After: a 429 or 503 is retried on the queue's own backoff (the
 * header is only "considered"), uses one of the queue's attempts and slows the whole queue (system throttling). So a
 * deferral ({@link #defer}) is a new task for the same job with {@code schedule_time} = now + the wait, named after the
 * job and the deferral's number; the worker acknowledges the current delivery with 2xx.
 */
public class CloudTasksQueue implements TaskQueue {

    /**
     * Where tasks go and how they authenticate. {@code workerBaseUrl} is custom-provisioner's URL without a trailing
     * slash; {@code audience} is what its OIDC verifier expects (the worker URL when null); {@code dispatchDeadline}
     * is how long Cloud Tasks waits for the worker to answer (600 s when null; Cloud Tasks allows 15 s to 30 min).
     */
    public record Config(
            String project,
            String location,
            String queue,
            String workerBaseUrl,
            String serviceAccountEmail,
            String audience,
            Duration dispatchDeadline) {
        public Config {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(workerBaseUrl, "workerBaseUrl");
            Objects.requireNonNull(serviceAccountEmail, "serviceAccountEmail");
            workerBaseUrl = workerBaseUrl.endsWith("/")
                    ? workerBaseUrl.substring(0, workerBaseUrl.length() - 1)
                    : workerBaseUrl;
            audience = audience == null || audience.isBlank() ? workerBaseUrl : audience;
            dispatchDeadline = dispatchDeadline == null ? Duration.ofSeconds(600) : dispatchDeadline;
            if (dispatchDeadline.compareTo(Duration.ofSeconds(15)) < 0
                    || dispatchDeadline.compareTo(Duration.ofMinutes(30)) > 0) {
                throw new IllegalArgumentException(
                        "Cloud Tasks dispatch deadline must be 15 s to 30 min: " + dispatchDeadline);
            }
        }

        public String queueName() {
            return QueueName.format(project, location, queue);
        }
    }

    private final CloudTasksClient client;
    private final JobStore jobs;
    private final DemoStore demos;
    private final Config config;
    private final Clock clock;

    public CloudTasksQueue(CloudTasksClient client, JobStore jobs, DemoStore demos, Config config, Clock clock) {
        this.client = client;
        this.jobs = jobs;
        this.demos = demos;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The generated client never retries createTask (it is not idempotent in general). Ours is, because the name is
     * fixed per job, so the producer should apply this: UNAVAILABLE and DEADLINE_EXCEEDED are retried with backoff for
     * up to {@code totalTimeout}; a retry whose first attempt did land gets ALREADY_EXISTS, which {@link #submit} treats
     * as success.
     */
    public static CloudTasksSettings.Builder retryCreateTask(
            CloudTasksSettings.Builder settings, Duration totalTimeout) {
        var createTask = settings.createTaskSettings();
        createTask
                .setRetryableCodes(StatusCode.Code.UNAVAILABLE, StatusCode.Code.DEADLINE_EXCEEDED)
                .setRetrySettings(createTask.getRetrySettings().toBuilder()
                        .setInitialRetryDelayDuration(Duration.ofMillis(100))
                        .setRetryDelayMultiplier(2.0)
                        .setMaxRetryDelayDuration(Duration.ofSeconds(5))
                        .setInitialRpcTimeoutDuration(Duration.ofSeconds(10))
                        .setRpcTimeoutMultiplier(1.0)
                        .setMaxRpcTimeoutDuration(Duration.ofSeconds(10))
                        .setTotalTimeoutDuration(totalTimeout)
                        .setMaxAttempts(0)
                        .build());
        return settings;
    }

    @Override
    public void submit(Demo demo, Job job, TaskRequest request) {
        if (demo != null) {
            demos.create(demo);
        }
        // May throw DuplicateJobException: nothing is enqueued then. False (the job exists) means a retried submit,
        // which must still enqueue: the task name makes that a no-op when the first attempt got through.
        jobs.create(job);
        try {
            create(task(request)); // false: an earlier attempt (ours or the client's retry) created it
        } catch (RuntimeException e) {
            throw failed(job, e);
        }
    }

    /**
     * Creates the task in the queue; false when a task of that name exists already (ALREADY_EXISTS: an earlier
     * attempt created it, so exactly one task exists).
     */
    private boolean create(Task task) {
        try {
            client.createTask(CreateTaskRequest.newBuilder()
                    .setParent(config.queueName())
                    .setTask(task)
                    .build());
            return true;
        } catch (AlreadyExistsException e) {
            return false;
        }
    }

    /**
     * Creates the task that delivers the job again at now + {@code wait}: its name comes from the job and the
     * deferral's number ({@link TaskDelivery#deferredTaskName()}), so a redelivery of the current task, or two runs of
     * it at once, ask for the same task and Cloud Tasks keeps one (ALREADY_EXISTS is that task, already there). The
     * body carries the deferral's number and the time of the first deferral, by which the worker bounds the total.
     * A task name stays taken for about an hour after its task ran; later duplicates are harmless all the same, as a
     * job's lease and its finished state guard every delivery.
     */
    @Override
    public Deferral defer(TaskDelivery delivery, Duration wait) {
        Instant now = clock.instant();
        Instant at = now.plus(wait);
        String name = delivery.deferredTaskName();
        Task task = task(new TaskRequest(name, delivery.path(), delivery.deferredBody(now))).toBuilder()
                .setScheduleTime(
                        Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
                .build();
        if (!create(task)) {
            Log.infof(
                    "job %s was already deferred as task %s (a redelivery of the deferring task)",
                    delivery.jobId(), name);
        }
        return new Deferral.Rescheduled(name, at);
    }

    /** The task; it carries the enqueuing request's trace as its traceparent header, which the worker continues. */
    Task task(TaskRequest request) {
        HttpRequest.Builder http = HttpRequest.newBuilder()
                .setHttpMethod(HttpMethod.POST)
                .setUrl(config.workerBaseUrl() + request.path())
                .putHeaders("Content-Type", "application/json")
                .setBody(ByteString.copyFrom(request.body()))
                .setOidcToken(OidcToken.newBuilder()
                        .setServiceAccountEmail(config.serviceAccountEmail())
                        .setAudience(config.audience()));
        TraceContext.currentTraceparent().ifPresent(parent -> http.putHeaders(TraceContext.HEADER, parent));
        return Task.newBuilder()
                .setName(config.queueName() + "/tasks/" + request.name())
                .setDispatchDeadline(com.google.protobuf.Duration.newBuilder()
                        .setSeconds(config.dispatchDeadline().getSeconds())
                        .setNanos(config.dispatchDeadline().getNano()))
                .setHttpRequest(http)
                .build();
    }

    private IllegalStateException failed(Job job, Exception cause) {
        String reason = "could not create a Cloud Tasks task in " + config.queueName() + ": "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        JobFailures.failWithDemo(jobs, demos, job.jobId(), reason);
        return new IllegalStateException(reason, cause);
    }
}
