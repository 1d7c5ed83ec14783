package com.capidemo.core.logging;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * One served HTTP request, logged as the parameter of an access-log line: Cloud Logging's {@code httpRequest} object
 * in the structured format ({@link CloudLoggingFormatter}), the text {@link #toString()} in any other.
 * {@code path} is the request path without its query (which may hold user input).
 */
public record HttpRequestLog(
        String method,
        String path,
        int status,
        long requestBytes,
        long responseBytes,
        long latencyNanos,
        String remoteIp,
        String userAgent,
        String protocol) {

    void writeTo(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("httpRequest");
        json.writeStringField("requestMethod", method);
        json.writeStringField("requestUrl", path);
        json.writeNumberField("status", status);
        json.writeStringField("requestSize", Long.toString(requestBytes));
        json.writeStringField("responseSize", Long.toString(responseBytes));
        json.writeStringField("latency", String.format(java.util.Locale.ROOT, "%.9fs", latencyNanos / 1e9));
        if (remoteIp != null) {
            json.writeStringField("remoteIp", remoteIp);
        }
        if (userAgent != null) {
            json.writeStringField("userAgent", CappedLogValues.cap(userAgent, CappedLogValues.MAX_VALUE));
        }
        json.writeStringField("protocol", protocol);
        json.writeEndObject();
    }

    @Override
    public String toString() {
        return method + " " + path + " " + status + " " + responseBytes + "B " + latencyNanos / 1_000_000 + "ms";
    }
}
