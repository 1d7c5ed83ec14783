package com.capidemo.core.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Carries the publisher's trace into the worker: the W3C traceparent rides along as the message
 * attribute Pub/Sub's own tracing uses, and the local dispatcher sends it as the traceparent header.
 */
public final class TraceContext {

    public static final String ATTRIBUTE = "googclient_traceparent";

    private TraceContext() {
    }

    /** The current span as a traceparent value, when there is a valid one. */
    public static Optional<String> currentTraceparent() {
        SpanContext ctx = Span.current().getSpanContext();
        if (!ctx.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + ctx.getTraceId() + "-" + ctx.getSpanId() + "-" + ctx.getTraceFlags().asHex());
    }

    /** The attributes plus the current traceparent. */
    public static Map<String, String> withCurrent(Map<String, String> attributes) {
        Optional<String> parent = currentTraceparent();
        if (parent.isEmpty()) {
            return attributes;
        }
        Map<String, String> copy = new HashMap<>(attributes);
        copy.put(ATTRIBUTE, parent.get());
        return copy;
    }
}
