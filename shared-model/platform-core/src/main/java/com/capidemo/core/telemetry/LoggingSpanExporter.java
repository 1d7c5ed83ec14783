package com.capidemo.core.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * platform.telemetry.traces=logging: every finished span as one log line on category {@value #CATEGORY}, with its
 * trace and span ids, parent, kind, duration and attributes, so a local run shows what Cloud Trace would.
 */
public final class LoggingSpanExporter implements SpanExporter {

    public static final String CATEGORY = "com.capidemo.trace";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        for (SpanData span : spans) {
            LOG.info(describe(span));
        }
        return CompletableResultCode.ofSuccess();
    }

    /** {@code span <name> trace=<id> span=<id> parent=<id|-> kind=<kind> service=<name> duration_ms=<n> {attributes}}. */
    public static String describe(SpanData span) {
        String attributes = span.getAttributes().asMap().entrySet().stream()
                .map(e -> e.getKey().getKey() + "=" + e.getValue())
                .sorted()
                .collect(Collectors.joining(", "));
        Object service = span.getResource().getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("service.name"))
                .map(e -> e.getValue())
                .findFirst()
                .orElse("-");
        return "span " + span.getName() + " trace=" + span.getTraceId() + " span=" + span.getSpanId() + " parent="
                + (span.getParentSpanContext().isValid() ? span.getParentSpanId() : "-") + " kind=" + span.getKind()
                + " service=" + service + " status=" + span.getStatus().getStatusCode()
                + " duration_ms=" + (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000_000
                + " {" + attributes + "}";
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
