package com.capidemo.custom.rest;

import com.capidemo.custom.service.TaskHandler;
import com.capidemo.custom.service.TaskOutcome;
import com.capidemo.shared.messaging.CloudTasksHeaders;
import com.capidemo.shared.config.PlatformConfig;
import com.capidemo.shared.json.Json;
import com.capidemo.shared.web.ApiProblem;
import com.capidemo.shared.web.SharedSecretWorkerAuthenticator;
import com.capidemo.shared.web.WorkerAuthenticator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * The custom-job queue's HTTP targets. Requests must come from the queue: a verified worker credential (OIDC token
 * from Cloud Tasks in gcp mode, the shared secret locally) and the X-CloudTasks-* headers naming our queue. 200
 * finishes the task, 503 asks the queue to retry it.
 */
@Path("/tasks")
public class TaskResource {

    private final TaskHandler handler;
    private final WorkerAuthenticator authenticator;
    private final String queue;

    public TaskResource(TaskHandler handler, WorkerAuthenticator authenticator, PlatformConfig config) {
        this.handler = handler;
        this.authenticator = authenticator;
        this.queue = config.queue().custom().name();
    }

    /** The body every task carries: the job to run (everything else is read from the store). */
    public record TaskBody(String jobId) {
    }

    /** Both task targets run the job the body names; the job's type decides which pipeline. */
    @POST
    @Path("/{target: custom-provision|pipeline-run}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response run(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                        @HeaderParam(SharedSecretWorkerAuthenticator.HEADER) String secret,
                        @HeaderParam(CloudTasksHeaders.QUEUE) String queueName,
                        @HeaderParam(CloudTasksHeaders.TASK) String taskName,
                        @HeaderParam(CloudTasksHeaders.RETRY_COUNT) String retryCount, byte[] body) {
        authenticator.verify(authorization, secret);
        if (queueName == null || taskName == null) {
            throw new ApiProblem(400, "not-a-task", "Not a queue task",
                    "task requests carry " + CloudTasksHeaders.QUEUE + " and " + CloudTasksHeaders.TASK);
        }
        if (!queue.equals(queueName)) {
            throw ApiProblem.forbidden("tasks are accepted from queue " + queue + " only, not " + queueName);
        }
        TaskBody task = parse(body);
        MDC.put("task_name", taskName);
        try {
            TaskOutcome outcome = handler.handle(task.jobId());
            return Response.status(outcome.httpStatus()).entity(Map.of("job_id", task.jobId(), "task_name", taskName,
                    "retry_count", retryCount == null ? "0" : retryCount, "outcome", outcome.name().toLowerCase())).build();
        } finally {
            MDC.remove("task_name");
        }
    }

    private static TaskBody parse(byte[] body) {
        try {
            TaskBody task = Json.MAPPER.readValue(body, TaskBody.class);
            if (task.jobId() == null || task.jobId().isBlank()) {
                throw new ApiProblem(400, "malformed-task", "Malformed task", "the task body has no job_id");
            }
            return task;
        } catch (java.io.IOException e) {
            throw new ApiProblem(400, "malformed-task", "Malformed task", "the task body is not JSON: " + e.getMessage());
        }
    }
}
