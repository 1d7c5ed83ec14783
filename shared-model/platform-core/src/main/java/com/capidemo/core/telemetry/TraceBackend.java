package com.capidemo.core.telemetry;

import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * A trace back end an adapter module offers (as an {@link com.capidemo.core.adapter.Adapter}-qualified bean named like
 * its platform.telemetry.traces value). Not a SpanExporter bean itself: Quarkus hands spans to every SpanExporter bean,
 * so only the selected back end's exporter is ever created ({@link SpanExporters}).
 */
@FunctionalInterface
public interface TraceBackend {

    SpanExporter exporter();
}
