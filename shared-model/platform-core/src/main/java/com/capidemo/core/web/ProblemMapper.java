package com.capidemo.core.web;

import com.capidemo.core.json.UserText;
import com.capidemo.core.messaging.MalformedEnvelopeException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become responses, for every service: problem+json with a stable type, never a stack trace
 * and never a Java class name (details are ours, not exception messages of libraries). Unexpected failures are
 * logged with their trace and answered 500 with no detail. JSON problems: a syntax error, a duplicate key or a
 * document too deep is 400 {@code malformed-request}; a value of the wrong type or with control characters is 422
 * {@code validation-failed} naming the field.
 */
public class ProblemMapper {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        Response r = respond(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
        return e.retryAfterSeconds() > 0
                ? Response.fromResponse(r)
                        .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                        .build()
                : r;
    }

    /** The chat quota is used up for now: 503 with the wait as Retry-After, never a 500. */
    @ServerExceptionMapper
    public Response chatQuotaExhausted(com.capidemo.core.port.ChatQuotaExhaustedException e, UriInfo uri) {
        return apiProblem(ApiProblem.chatQuotaExhausted(e.retryAfterSeconds()), uri);
    }

    /**
     * A push that is not a Pub/Sub envelope, by the edge's one rule for bad bodies: not a JSON object 400, a
     * well-formed envelope with a wrong field 422 naming it; the dispatcher retries either and then dead-letters.
     */
    @ServerExceptionMapper
    public Response malformedPush(MalformedEnvelopeException e, UriInfo uri) {
        return e.field()
                .map(f -> invalid(List.of(Map.of("field", f, "message", e.getMessage())), uri))
                .orElseGet(() ->
                        respond(400, "malformed-push", "Malformed push envelope", e.getMessage(), uri, List.of()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .toList()) {
            errors.add(Map.of("field", field(v), "message", v.getMessage()));
        }
        return invalid(errors, uri);
    }

    /** The JSON name of the violating field: the last property of the path in snake_case; "body" for the body itself. */
    private static String field(ConstraintViolation<?> v) {
        Path.Node leaf = null;
        for (Path.Node node : v.getPropertyPath()) {
            leaf = node;
        }
        if (leaf == null || leaf.getName() == null || leaf.getKind() == ElementKind.PARAMETER) {
            return "body";
        }
        if (leaf.getKind() == ElementKind.CONTAINER_ELEMENT) {
            return containerField(v);
        }
        return SNAKE.translate(leaf.getName());
    }

    /** A list element: the list's name and the index, e.g. {@code use_cases[2]}. */
    private static String containerField(ConstraintViolation<?> v) {
        String name = "body";
        Integer index = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                name = SNAKE.translate(node.getName());
            }
            if (node.getIndex() != null) {
                index = node.getIndex();
            }
        }
        return index == null ? name : name + "[" + index + "]";
    }

    /** Syntax: not JSON, a duplicate key, trailing tokens. */
    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return malformed(e, uri);
    }

    /** Limits of the reader (nesting depth, string or number length). */
    @ServerExceptionMapper
    public Response tooBigJson(StreamConstraintsException e, UriInfo uri) {
        return respond(
                400,
                "malformed-request",
                "Malformed request",
                "request body exceeds the JSON limits (nesting depth, string or number length)",
                uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response unreadableJson(StreamReadException e, UriInfo uri) {
        return malformed(e, uri);
    }

    /** Wrong JSON types (a number where a string belongs, null for a number, control characters): 422 naming the field. */
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public Response wrongFormat(InvalidFormatException e, UriInfo uri) {
        return mapping(e, uri);
    }

    /** A body Jackson cannot bind at all (e.g. a record confused by its input); never the framework's empty 500. */
    @ServerExceptionMapper
    public Response unbindable(InvalidDefinitionException e, UriInfo uri) {
        return respond(
                400,
                "malformed-request",
                "Malformed request",
                "request body does not have the expected shape",
                uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response instantiation(ValueInstantiationException e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException m) {
            return mapping(m, uri);
        }
        return malformed(e, uri);
    }

    private static Response malformed(JsonProcessingException e, UriInfo uri) {
        String message = String.valueOf(e.getOriginalMessage());
        String detail;
        if (message.startsWith("Duplicate field")) {
            detail = "request body has a duplicate key";
        } else if (message.startsWith("Trailing token")) {
            detail = "request body has content after the JSON document";
        } else {
            detail = "request body is not valid JSON";
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            detail += " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
        }
        return respond(400, "malformed-request", "Malformed request", detail, uri, List.of());
    }

    private static Response mapping(JsonMappingException e, UriInfo uri) {
        String path = path(e);
        if (path.isEmpty()) {
            return respond(
                    400,
                    "malformed-request",
                    "Malformed request",
                    "request body must be a JSON object of the documented shape",
                    uri,
                    List.of());
        }
        String message;
        if (e instanceof InvalidFormatException f
                && UserText.CONTROL_CHARACTERS_MESSAGE.equals(f.getOriginalMessage())) {
            message = UserText.CONTROL_CHARACTERS_MESSAGE;
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = expected(m.getTargetType());
        } else {
            message = "has the wrong type or format";
        }
        return invalid(List.of(Map.of("field", path, "message", message)), uri);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** What the field must be, in JSON words (never the Java type's name). */
    static String expected(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
            return "must be a string";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == BigInteger.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (type.getName().startsWith("java.time.")) {
            return "must be a date or time in ISO-8601 form";
        }
        return "must be an object";
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return otherJson(jpe, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(
                status,
                HttpProblems.slug(status),
                HttpProblems.title(status),
                HttpProblems.detail(status),
                uri,
                List.of());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Log.errorf(e, "unhandled error on %s", uri == null ? "?" : uri.getPath());
        return respond(
                500,
                "internal-error",
                "Internal error",
                "The request could not be completed; it has been logged",
                uri,
                List.of());
    }

    private static Response invalid(List<Map<String, String>> errors, UriInfo uri) {
        String detail = errors.stream()
                .map(m -> m.get("field") + ": " + m.get("message"))
                .collect(Collectors.joining("; "));
        return respond(422, "validation-failed", "Request is invalid", detail, uri, errors);
    }

    static Response respond(
            int status, String type, String title, String detail, UriInfo uri, List<Map<String, String>> errors) {
        Problem body = Problem.of(status, type, title, detail, uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
