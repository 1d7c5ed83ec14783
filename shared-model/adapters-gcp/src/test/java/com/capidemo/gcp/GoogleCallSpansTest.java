package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.tracing.Tracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every Google call made through a guarded or traced port is a client span under the current one, per attempt. */
class GoogleCallSpansTest {

    /** A port as small as the real ones are to a proxy. */
    interface Buckets {
        String read(String name);
    }

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private OpenTelemetrySdk sdk;

    @BeforeEach
    void tracer() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .build();
        new Tracing(sdk);
    }

    @AfterEach
    void noTracer() {
        new Tracing(OpenTelemetry.noop());
        sdk.close();
    }

    private SpanData only(String name) {
        List<SpanData> named = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .toList();
        assertThat(named).as("spans named " + name).hasSize(1);
        return named.get(0);
    }

    @Test
    void aCallIsOneClientSpanOfItsServiceUnderTheCurrentSpan() {
        Buckets buckets = Guarded.traced(Buckets.class, name -> "content of " + name, "storage");
        Span phase = Tracing.tracer().spanBuilder("phase").startSpan();
        try (Scope ignored = phase.makeCurrent()) {
            assertThat(buckets.read("b1")).isEqualTo("content of b1");
        } finally {
            phase.end();
        }

        SpanData call = only("Buckets.read");
        assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(call.getAttributes().get(Guarded.GCP_SERVICE)).isEqualTo("storage");
        assertThat(call.getParentSpanId()).isEqualTo(only("phase").getSpanId());
        assertThat(call.getTraceId()).isEqualTo(only("phase").getTraceId());
        assertThat(call.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
    }

    @Test
    void everyAttemptUnderARetryingGuardIsItsOwnSpanAndFailedOnesAreErrors() {
        AtomicInteger attempts = new AtomicInteger();
        Buckets flaky = name -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("UNAVAILABLE");
            }
            return "ok";
        };
        Guarded.Guard retryThrice = (Callable<Object> call) -> {
            RuntimeException last = null;
            for (int i = 0; i < 3; i++) {
                try {
                    return call.call();
                } catch (RuntimeException e) {
                    last = e;
                }
            }
            throw last;
        };
        Buckets guarded = Guarded.wrap(Buckets.class, flaky, "storage", retryThrice);

        assertThat(guarded.read("b1")).isEqualTo("ok");

        List<SpanData> calls = spans.getFinishedSpanItems();
        assertThat(calls)
                .extracting(SpanData::getName)
                .containsOnly("Buckets.read")
                .hasSize(3);
        assertThat(calls)
                .extracting(s -> s.getStatus().getStatusCode())
                .containsExactly(StatusCode.ERROR, StatusCode.ERROR, StatusCode.UNSET);
        assertThat(calls.get(0).getEvents()).extracting(e -> e.getName()).contains("exception");
    }

    @Test
    void aFailedCallEndsItsSpanAsAnErrorAndStillThrowsTheCause() {
        Buckets broken = Guarded.traced(
                Buckets.class,
                name -> {
                    throw new IllegalArgumentException("no bucket " + name);
                },
                "storage");

        assertThatThrownBy(() -> broken.read("b9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no bucket b9");
        SpanData call = only("Buckets.read");
        assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(call.hasEnded()).isTrue();
    }
}
