package com.capidemo.custom.rest;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.json.StrictJson;
import com.capidemo.core.messaging.CloudTasksHeaders;
import com.capidemo.core.messaging.TraceContext;
import com.capidemo.core.port.TaskDelivery;
import com.capidemo.core.port.TaskRequest;
import com.capidemo.core.web.ApiProblem;
import com.capidemo.core.worker.DeliveryOutcome;
import com.capidemo.custom.service.ReadinessHandler;
import com.capidemo.custom.service.TaskHandler;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.MDC;

/**
 * The custom-job queue's HTTP targets. Requests must come from the queue: a verified worker credential (OIDC token
 * from Cloud Tasks in gcp mode, the shared secret locally; checked by {@link com.capidemo.core.web.edge.WorkerAuthFilter}
 * for platform.edge.worker-paths=/tasks/) and the X-CloudTasks-* headers naming our queue. 200 finishes the task (also
 * when a readiness task waiting for the chat quota was handed back to the queue as a later task: outcome
 * {@code deferred}), 503 asks the queue to retry it (with Retry-After when the queue honours it for such a wait).
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

    /** Both task targets run the job the body names; the job's type decides which pipeline. */
    @POST
    @Path("/{target: custom-provision|pipeline-run}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response run(
            @PathParam("target") String target,
            @HeaderParam(CloudTasksHeaders.QUEUE) String queueName,
            @HeaderParam(CloudTasksHeaders.TASK) String taskName,
            @HeaderParam(CloudTasksHeaders.RETRY_COUNT) String retryCount,
            @HeaderParam(TraceContext.HEADER) String traceparent,
            byte[] body) {
        return deliver(
                "/tasks/" + target,
                queueName,
                taskName,
                retryCount,
                traceparent,
                body,
                task -> ReadinessHandler.Outcome.of(handler.handle(task.jobId())));
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
        return deliver(TaskRequest.READINESS, queueName, taskName, retryCount, traceparent, body, readiness::handle);
    }

    private Response deliver(
            String path,
            String queueName,
            String taskName,
            String retryCount,
            String traceparent,
            byte[] body,
            java.util.function.Function<TaskDelivery, ReadinessHandler.Outcome> work) {
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
        TaskDelivery task = parse(body, path);
        MDC.put("task_name", taskName);
        try (TraceContext.Delivery delivery = TraceContext.continueFrom(
                traceparent,
                queue + " process",
                Map.of("messaging.system", "gcp_cloud_tasks", "messaging.message.id", taskName))) {
            ReadinessHandler.Outcome result = work.apply(task);
            DeliveryOutcome outcome = result.delivery();
            String word =
                    result.next().isPresent() ? "deferred" : outcome.name().toLowerCase(java.util.Locale.ROOT);
            delivery.outcome(word);
            int status =
                    switch (outcome) {
                        case DONE -> 200;
                        case RETRY -> 503;
                    };
            Map<String, Object> answer = new java.util.LinkedHashMap<>();
            answer.put("job_id", task.jobId());
            answer.put("task_name", taskName);
            answer.put("retry_count", retryCount == null ? "0" : retryCount);
            answer.put("outcome", word);
            result.next().ifPresent(next -> {
                answer.put("next_task", next.taskName());
                answer.put("next_delivery_at", next.at().toString());
            });
            Response.ResponseBuilder response = Response.status(status).entity(answer);
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
     * a {@code job_id} id is 422 {@code validation-failed} naming {@code job_id}, and a deferred task's
     * {@code deferrals} (a count from 1) and {@code deferred_since} (an ISO instant) must be both present or both
     * absent, else 422 naming them. Said in our words, never the parser's.
     */
    private static TaskDelivery parse(byte[] body, String path) {
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
        com.fasterxml.jackson.databind.JsonNode deferrals = root.get(TaskDelivery.DEFERRALS);
        com.fasterxml.jackson.databind.JsonNode since = root.get(TaskDelivery.DEFERRED_SINCE);
        if (deferrals == null && since == null) {
            return TaskDelivery.of(path, jobId.asText());
        }
        if (deferrals == null
                || !deferrals.canConvertToInt()
                || !deferrals.isIntegralNumber()
                || deferrals.asInt() < 1
                || deferrals.asInt() > 1_000_000) {
            throw ApiProblem.invalid(TaskDelivery.DEFERRALS, "must be a count from 1, with deferred_since");
        }
        if (since == null || !since.isTextual()) {
            throw ApiProblem.invalid(TaskDelivery.DEFERRED_SINCE, "must be an ISO-8601 instant, with deferrals");
        }
        try {
            return new TaskDelivery(
                    path, jobId.asText(), deferrals.asInt(), Optional.of(Instant.parse(since.asText())));
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(TaskDelivery.DEFERRED_SINCE, "must be an ISO-8601 instant, with deferrals");
        }
    }
}
