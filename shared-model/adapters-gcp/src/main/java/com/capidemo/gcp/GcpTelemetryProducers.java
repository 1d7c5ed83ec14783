package com.capidemo.gcp;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.telemetry.TelemetrySelection;
import com.capidemo.core.telemetry.TraceBackend;
import com.google.cloud.opentelemetry.trace.TraceConfiguration;
import com.google.cloud.opentelemetry.trace.TraceExporter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * platform.telemetry.traces=cloud-trace: finished spans go to Cloud Trace (API v2, Application Default Credentials),
 * batched by the SDK's span processor. The exporter is created only when selected, so no other run ever builds a
 * Google client.
 */
@ApplicationScoped
public class GcpTelemetryProducers {

    @Produces
    @Singleton
    @Unremovable // looked up by name (SpanExporters), never injected
    @Adapter(TelemetrySelection.CLOUD_TRACE)
    TraceBackend cloudTrace(AdapterSelection selection) {
        return () -> TraceExporter.createWithConfiguration(
                TraceConfiguration.builder().setProjectId(selection.projectId()).build());
    }
}
