package com.capidemo.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingSpanExporterTest {

    @Test
    void aSpanLineNamesTheSpanItsTraceItsParentAndItsAttributes() {
        List<SpanData> finished = new ArrayList<>();
        SpanExporter collect = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                finished.addAll(spans);
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
        };
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(collect))
                .build()) {
            var tracer = provider.get("test");
            var parent = tracer.spanBuilder("job").startSpan();
            try (var ignored = parent.makeCurrent()) {
                tracer.spanBuilder("phase verifying")
                        .setSpanKind(SpanKind.INTERNAL)
                        .setAttribute("job.phase", "verifying")
                        .startSpan()
                        .end();
            }
            parent.end();
        }

        SpanData child = finished.stream()
                .filter(s -> s.getName().equals("phase verifying"))
                .findFirst()
                .orElseThrow();
        String line = LoggingSpanExporter.describe(child);

        assertThat(line)
                .startsWith("span phase verifying trace=" + child.getTraceId() + " span=" + child.getSpanId()
                        + " parent=" + child.getParentSpanId() + " kind=INTERNAL");
        assertThat(line).contains("{job.phase=verifying}");
        assertThat(LoggingSpanExporter.describe(finished.stream()
                        .filter(s -> s.getName().equals("job"))
                        .findFirst()
                        .orElseThrow()))
                .contains(" parent=- ");
        assertThat(new LoggingSpanExporter().export(finished).isSuccess()).isTrue();
    }
}
