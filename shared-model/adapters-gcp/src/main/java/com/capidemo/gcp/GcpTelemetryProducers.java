package com.capidemo.gcp;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.telemetry.TelemetrySelection;
import com.google.cloud.opentelemetry.trace.TraceConfiguration;
import com.google.cloud.opentelemetry.trace.TraceExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * platform.telemetry.traces=cloud-trace: finished spans go to Cloud Trace (API v2, Application Default Credentials),
 * batched by the SDK's span processor. Created only when selected, so no other run ever builds a Google client.
 */
@ApplicationScoped
public class GcpTelemetryProducers {

    @Produces
    @Singleton
    @Adapter(TelemetrySelection.CLOUD_TRACE)
    SpanExporter cloudTrace(AdapterSelection selection) {
        return TraceExporter.createWithConfiguration(TraceConfiguration.builder()
                .setProjectId(selection.projectId()).build());
    }
}
