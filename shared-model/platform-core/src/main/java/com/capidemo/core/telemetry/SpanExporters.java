package com.capidemo.core.telemetry;

import com.capidemo.core.adapter.Adapter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * The span exporter Quarkus hands finished spans to (quarkus.otel.traces.exporter=cdi hands them to every
 * {@link SpanExporter} bean, so this is the only one): the one {@link TelemetrySelection#traces()} names. {@code logging}
 * is here; an adapter module offers {@code cloud-trace} as an {@link Adapter}-qualified {@link TraceBackend}, whose
 * exporter is created only when selected.
 */
@ApplicationScoped
public class SpanExporters {

    @Produces
    @Singleton
    @Unremovable // looked up by Quarkus' exporter provider, never injected
    SpanExporter selected(TelemetrySelection selection, @Any Instance<TraceBackend> backends) {
        String chosen = selection.traces();
        Log.infof("traces: %s", chosen);
        return switch (chosen) {
            case "none" -> new Dropping();
            case "logging" -> new LoggingSpanExporter();
            default -> {
                Instance<TraceBackend> match = backends.select(Adapter.Literal.of(chosen));
                if (!match.isResolvable()) {
                    throw new IllegalStateException("platform.telemetry.traces=" + chosen
                            + " is selected, but this service has no '" + chosen + "' trace back end on its classpath");
                }
                yield match.get().exporter();
            }
        };
    }

    /** platform.telemetry.traces=none: spans still exist (trace ids in logs and messages) but leave no process. */
    static final class Dropping implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
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
}
