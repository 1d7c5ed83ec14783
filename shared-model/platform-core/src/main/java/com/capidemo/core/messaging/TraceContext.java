package com.capidemo.core.messaging;

import com.capidemo.core.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries the publisher's trace into the worker: the W3C traceparent rides along as the message attribute Pub/Sub's
 * own tracing uses, the local dispatcher also sends it as the traceparent header, and a Cloud Tasks task carries it
 * as its traceparent header. The worker {@linkplain #continueFrom continues} it, so one provision is one trace from
 * the API request to the worker's last phase, whatever the transport did to the HTTP request's own headers.
 */
public final class TraceContext {

    public static final String ATTRIBUTE = "googclient_traceparent";
    /** The W3C header a task or a local push carries. */
    public static final String HEADER = "traceparent";

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private TraceContext() {}

    /** The current span as a traceparent value, when there is a valid one. */
    public static Optional<String> currentTraceparent() {
        SpanContext ctx = Span.current().getSpanContext();
        if (!ctx.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + ctx.getTraceId() + "-" + ctx.getSpanId() + "-"
                + ctx.getTraceFlags().asHex());
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

    /** A remote span context from a W3C traceparent (version 00), when the value is one. */
    public static Optional<SpanContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        Matcher m = TRACEPARENT.matcher(traceparent.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        SpanContext ctx = SpanContext.createFromRemoteParent(
                m.group(1), m.group(2), TraceFlags.fromHex(m.group(3), 0), TraceState.getDefault());
        return ctx.isValid() ? Optional.of(ctx) : Optional.empty();
    }

    /**
     * Starts the worker's span for one delivery ({@code name}, kind CONSUMER) and makes it current until closed. Its
     * parent is the delivery's trace (the traceparent the message or task carried) unless the current request already
     * belongs to that trace; the HTTP request's own span, when it is another trace (Cloud Run starts one per push), is
     * kept as a link.
     */
    public static Delivery continueFrom(String traceparent, String name, Map<String, String> attributes) {
        Span current = Span.current();
        SpanBuilder builder = Tracing.tracer().spanBuilder(name).setSpanKind(SpanKind.CONSUMER);
        Optional<SpanContext> remote = parse(traceparent);
        if (remote.isPresent()
                && !remote.get().getTraceId().equals(current.getSpanContext().getTraceId())) {
            builder.setParent(Context.current().with(Span.wrap(remote.get())));
            if (current.getSpanContext().isValid()) {
                builder.addLink(current.getSpanContext());
            }
        }
        attributes.forEach(builder::setAttribute);
        Span span = builder.startSpan();
        return new Delivery(span, span.makeCurrent());
    }

    /** The span of one delivery, current until {@link #close()}. */
    public static final class Delivery implements AutoCloseable {

        private final Span span;
        private final Scope scope;

        private Delivery(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        public Span span() {
            return span;
        }

        /** Records the delivery's outcome (e.g. ack, retry) on the span. */
        public void outcome(String outcome) {
            span.setAttribute("messaging.outcome", outcome);
        }

        public void failed(Throwable error) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR);
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
