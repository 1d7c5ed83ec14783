package com.capidemo.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become responses, for every service: problem+json with a stable type and
 * never a stack trace. Unexpected failures are logged with their trace and answered 500 with no detail.
 */
public class ProblemMapper {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        return respond(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
    }

    /** A push that is not a Pub/Sub envelope: 400, which the dispatcher retries and then dead-letters. */
    @ServerExceptionMapper
    public Response malformedPush(com.capidemo.shared.messaging.MalformedEnvelopeException e, UriInfo uri) {
        return respond(400, "malformed-push", "Malformed push envelope", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList()) {
            errors.add(Map.of("field", field(v), "message", v.getMessage()));
        }
        String detail = errors.stream().map(m -> m.get("field") + ": " + m.get("message"))
                .collect(Collectors.joining("; "));
        return respond(422, "validation-failed", "Request is invalid", detail, uri, errors);
    }

    /** The JSON name of the violating field: the last property of the path in snake_case; "body" for the body itself. */
    private static String field(ConstraintViolation<?> v) {
        jakarta.validation.Path.Node leaf = null;
        for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
            leaf = node;
        }
        if (leaf == null || leaf.getName() == null || leaf.getKind() == jakarta.validation.ElementKind.PARAMETER) {
            return "body";
        }
        return SNAKE.translate(leaf.getName());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = "request body is not valid JSON";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String path = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            detail = "field '" + path + "' has the wrong type or format";
        } else if (e.getLocation() != null) {
            detail += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return respond(400, "malformed-request", "Malformed request", detail, uri, List.of());
    }

    /** Wrong JSON types (e.g. an object where a string belongs); replaces Quarkus' empty-bodied 400. */
    @ServerExceptionMapper
    public Response wrongType(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return malformedJson(jpe, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String type = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String detail = status == 404 ? "No resource at this path" : e.getMessage();
        return respond(status, type, title, detail, uri, List.of());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Log.errorf(e, "unhandled error on %s", uri == null ? "?" : uri.getPath());
        return respond(500, "internal-error", "Internal error",
                "The request could not be completed; it has been logged", uri, List.of());
    }

    static Response respond(int status, String type, String title, String detail, UriInfo uri,
                            List<Map<String, String>> errors) {
        Problem body = new Problem(Problem.TYPE_BASE + type, title, status, detail,
                uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
