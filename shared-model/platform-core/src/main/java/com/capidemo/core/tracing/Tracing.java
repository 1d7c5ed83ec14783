package com.capidemo.core.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The platform's tracer for code that is not a CDI bean (job progress, trace continuation): set from the
 * application's OpenTelemetry at start; a no-op tracer before that and in plain unit tests.
 */
@Startup
@ApplicationScoped
public class Tracing {

    public static final String INSTRUMENTATION = "com.capidemo";

    private static volatile Tracer tracer = OpenTelemetry.noop().getTracer(INSTRUMENTATION);

    public Tracing(OpenTelemetry openTelemetry) {
        tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    public static Tracer tracer() {
        return tracer;
    }
}
