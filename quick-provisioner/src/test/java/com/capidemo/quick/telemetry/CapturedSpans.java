package com.capidemo.quick.telemetry;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps every finished span in memory, beside the exporter configuration selects (quarkus.otel.traces.exporter=cdi
 * hands spans to every SpanExporter bean). An alternative: only the tracing tests' profile enables it.
 */
@Alternative
@ApplicationScoped
public class CapturedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
