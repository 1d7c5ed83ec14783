package com.capidemo.lifecycle.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.logging.CloudLoggingFormatter;
import com.capidemo.core.logging.CloudLoggingSetup;
import com.capidemo.core.telemetry.LoggingSpanExporter;
import com.capidemo.core.tracing.Tracing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Any;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.junit.jupiter.api.Test;

/**
 * With platform.telemetry.log-format=cloud-logging (the gcp default), the service's console writes Cloud Logging's
 * structured JSON: a line logged inside a span carries its severity and the span's trace as
 * projects/PROJECT/traces/TRACE_ID.
 */
@QuarkusTest
@TestProfile(CloudLoggingLineTest.Profile.class)
class CloudLoggingLineTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "platform.telemetry.log-format",
                    "cloud-logging",
                    "platform.gcp.project-id",
                    "demo-project",
                    "platform.telemetry.traces",
                    "logging");
        }
    }

    @Test
    void theSelectedSpanExporterIsTheOnlyOneSpansGoTo() {
        // Quarkus hands spans to every SpanExporter bean: only the selected one may exist (no Cloud Trace client here)
        List<SpanExporter> exporters = Arc.container().select(SpanExporter.class, Any.Literal.INSTANCE).stream()
                .toList();
        assertThat(exporters).hasSize(1);
        assertThat(exporters.get(0)).isInstanceOf(LoggingSpanExporter.class);
    }

    @Test
    void aLineLoggedInsideASpanIsCloudLoggingJsonWithSeverityAndTrace() throws Exception {
        List<Handler> consoles = CloudLoggingSetup.consoleHandlers();
        assertThat(consoles).isNotEmpty().allMatch(h -> h.getFormatter() instanceof CloudLoggingFormatter);

        Span span = Tracing.tracer().spanBuilder("lifecycle.cleanup").startSpan();
        ExtLogRecord record;
        try (Scope ignored = span.makeCurrent()) {
            MDC.put("run_id", "run_0123abcd");
            record = new ExtLogRecord(
                    Level.WARN,
                    "lifecycle cleanup run run_0123abcd took 12 s",
                    ExtLogRecord.FormatStyle.NO_FORMAT,
                    CloudLoggingLineTest.class.getName());
            record.setLoggerName("com.capidemo.lifecycle.service.RunRecorder");
            record.copyMdc();
        } finally {
            MDC.remove("run_id");
            span.end();
        }

        JsonNode line =
                new ObjectMapper().readTree(consoles.get(0).getFormatter().format(record));

        assertThat(line.get("severity").asText()).isEqualTo("WARNING");
        assertThat(line.get("message").asText()).isEqualTo("lifecycle cleanup run run_0123abcd took 12 s");
        assertThat(line.get("logging.googleapis.com/trace").asText())
                .isEqualTo(
                        "projects/demo-project/traces/" + span.getSpanContext().getTraceId());
        assertThat(line.get("logging.googleapis.com/spanId").asText())
                .isEqualTo(span.getSpanContext().getSpanId());
        assertThat(line.get("run_id").asText()).isEqualTo("run_0123abcd");
    }
}
