package com.capidemo.core.web;

import com.capidemo.core.json.UserText;
import java.util.List;
import java.util.Map;

/**
 * An error answered as application/problem+json. {@code type} is a stable slug clients can match on;
 * {@code errors} names the offending fields for validation problems.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Map<String, String>> errors;
    private final long retryAfterSeconds;

    public ApiProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public ApiProblem(int status, String type, String title, String detail, List<Map<String, String>> errors) {
        this(status, type, title, detail, errors, 0);
    }

    private ApiProblem(
            int status,
            String type,
            String title,
            String detail,
            List<Map<String, String>> errors,
            long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429 with a Retry-After header of at least one second. */
    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiProblem(
                429, "too-many-requests", "Too Many Requests", detail, List.of(), Math.max(1, retryAfterSeconds));
    }

    /** 503 with a Retry-After header of at least one second: a bounded resource is busy, the request was not run. */
    public static ApiProblem serviceUnavailable(String detail, long retryAfterSeconds) {
        return new ApiProblem(
                503, "service-busy", "Service Unavailable", detail, List.of(), Math.max(1, retryAfterSeconds));
    }

    /** 503 {@code chat-quota-exhausted} with a Retry-After header of at least one second: ask again after it. */
    public static ApiProblem chatQuotaExhausted(long retryAfterSeconds) {
        long seconds = Math.max(1, retryAfterSeconds);
        return new ApiProblem(
                503,
                "chat-quota-exhausted",
                "Service Unavailable",
                "The chat quota is used up for now; ask again in " + seconds + " s",
                List.of(),
                seconds);
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(
                404,
                what + "-not-found",
                capitalize(what) + " not found",
                "No " + what + " '" + UserText.preview(String.valueOf(id)) + "' is visible to you");
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", "Unauthorized", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail);
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(409, type, "Conflict", detail);
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(
                422,
                "validation-failed",
                "Request is invalid",
                field + ": " + message,
                List.of(Map.of("field", field, "message", message)));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Map<String, String>> errors() {
        return errors;
    }

    /** Seconds for a Retry-After header; 0 when the answer has none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
