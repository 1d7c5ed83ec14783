package com.capidemo.custom.rest;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.json.StrictJson;
import com.capidemo.core.messaging.CloudTasksHeaders;
import com.capidemo.core.messaging.TraceContext;
import com.capidemo.core.web.ApiProblem;
import com.capidemo.core.worker.DeliveryOutcome;
import com.capidemo.custom.service.ReadinessHandler;
import com.capidemo.custom.service.TaskHandler;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * The custom-job queue's HTTP targets. Requests must come from the queue: a verified worker credential (OIDC token
 * from Cloud Tasks in gcp mode, the shared secret locally; checked by {@link com.capidemo.core.web.edge.WorkerAuthFilter}
 * for platform.edge.worker-paths=/tasks/) and the X-CloudTasks-* headers naming our queue. 200 finishes the task, 503
 * asks the queue to retry it (with Retry-After when a readiness task waits for the chat quota).
 */
@Path("/tasks")
public class TaskResource {

    private final TaskHandler handler;
    private final ReadinessHandler readiness;
    private final String queue;

    public TaskResource(TaskHandler handler, ReadinessHandler readiness, PlatformConfig config) {
        this.handler = handler;
        this.readiness = readiness;
        this.queue = config.queue().custom().name();
    }

    /** The body every task carries: the job to run (everything else is read from the store). */
    public record TaskBody(String jobId) {}

    /** Both task targets run the job the body names; the job's type decides which pipeline. */
    @POST
    @Path("/{target: custom-provision|pipeline-run}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response run(
            @HeaderParam(CloudTasksHeaders.QUEUE) String queueName,
            @HeaderParam(CloudTasksHeaders.TASK) String taskName,
            @HeaderParam(CloudTasksHeaders.RETRY_COUNT) String retryCount,
            @HeaderParam(TraceContext.HEADER) String traceparent,
            byte[] body) {
        return deliver(
                queueName,
                taskName,
                retryCount,
                traceparent,
                body,
                jobId -> new ReadinessHandler.Outcome(handler.handle(jobId), java.time.Duration.ZERO));
    }

    /**
     * A readiness job: the demo's golden questions are asked and the score stored. 503 with Retry-After when the chat
     * quota has no room for it now (the queue delivers it again later).
     */
    @POST
    @Path("/readiness")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response readiness(
            @HeaderParam(CloudTasksHeaders.QUEUE) String queueName,
            @HeaderParam(CloudTasksHeaders.TASK) String taskName,
            @HeaderParam(CloudTasksHeaders.RETRY_COUNT) String retryCount,
            @HeaderParam(TraceContext.HEADER) String traceparent,
            byte[] body) {
        return deliver(queueName, taskName, retryCount, traceparent, body, readiness::handle);
    }

    private Response deliver(
            String queueName,
            String taskName,
            String retryCount,
            String traceparent,
            byte[] body,
            java.util.function.Function<String, ReadinessHandler.Outcome> work) {
        if (queueName == null || taskName == null) {
            throw new ApiProblem(
                    400,
                    "not-a-task",
                    "Not a queue task",
                    "task requests carry " + CloudTasksHeaders.QUEUE + " and " + CloudTasksHeaders.TASK);
        }
        if (!queue.equals(queueName)) {
            throw ApiProblem.forbidden("tasks are accepted from queue " + queue + " only");
        }
        if (!Ids.isWellFormed(taskName) || (retryCount != null && !retryCount.matches("[0-9]{1,9}"))) {
            throw new ApiProblem(400, "not-a-task", "Not a queue task", "the task name or retry count is malformed");
        }
        TaskBody task = parse(body);
        MDC.put("task_name", taskName);
        try (TraceContext.Delivery delivery = TraceContext.continueFrom(
                traceparent,
                queue + " process",
                Map.of("messaging.system", "gcp_cloud_tasks", "messaging.message.id", taskName))) {
            ReadinessHandler.Outcome result = work.apply(task.jobId());
            DeliveryOutcome outcome = result.delivery();
            delivery.outcome(outcome.name().toLowerCase(java.util.Locale.ROOT));
            int status =
                    switch (outcome) {
                        case DONE -> 200;
                        case RETRY -> 503;
                    };
            Response.ResponseBuilder response = Response.status(status)
                    .entity(Map.of(
                            "job_id",
                            task.jobId(),
                            "task_name",
                            taskName,
                            "retry_count",
                            retryCount == null ? "0" : retryCount,
                            "outcome",
                            outcome.name().toLowerCase()));
            if (outcome == DeliveryOutcome.RETRY && !result.retryAfter().isZero()) {
                response.header("Retry-After", Math.max(1, (result.retryAfter().toMillis() + 999) / 1000));
            }
            return response.build();
        } finally {
            MDC.remove("task_name");
        }
    }

    /**
     * The body, read with the edge's JSON rules and the edge's one rule for bad bodies: not JSON (a syntax error, a
     * duplicate key, an oversized value) is 400 {@code malformed-request}; well-formed JSON that is not an object with
     * a {@code job_id} id is 422 {@code validation-failed} naming {@code job_id}. Said in our words, never the parser's.
     */
    private static TaskBody parse(byte[] body) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : StrictJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ApiProblem(400, "malformed-request", "Malformed request", "the task body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiProblem.invalid("job_id", "the task body must be a JSON object with a job_id");
        }
        com.fasterxml.jackson.databind.JsonNode jobId = root.get("job_id");
        if (jobId == null || !jobId.isTextual() || jobId.asText().isBlank()) {
            throw ApiProblem.invalid("job_id", "must be a job id (a string)");
        }
        if (!Ids.isWellFormed(jobId.asText())) {
            throw ApiProblem.invalid("job_id", "is not a job id");
        }
        return new TaskBody(jobId.asText());
    }
}
