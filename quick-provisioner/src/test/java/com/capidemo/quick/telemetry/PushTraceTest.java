package com.capidemo.quick.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.capidemo.core.domain.Ids;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.messaging.PushEnvelope;
import com.capidemo.core.messaging.TraceContext;
import com.capidemo.core.port.JobQueue;
import com.capidemo.quick.support.QuickJobs;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The worker side of one provision's trace: a push whose message carries the publisher's traceparent only as the
 * Pub/Sub attribute (as a push reaches Cloud Run, whose HTTP request starts a trace of its own) is processed in the
 * publisher's trace, and every phase of the provision is a span of it.
 */
@QuarkusTest
@TestProfile(PushTraceTest.Profile.class)
class PushTraceTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(CapturedSpans.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.bsp.schedule.delay", "0.05s");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Inject
    JobQueue queue;

    @Test
    void aPushedQuickJobContinuesThePublishersTraceThroughEveryPhase() {
        ProvisionMessage message = QuickJobs.enqueue(queue, "tenant_trace", "shopify");
        String traceId = hex(32);
        String publisherSpan = hex(16);
        byte[] envelope = PushEnvelope.build(
                Ids.messageId(),
                Instant.now(),
                Map.of("job_type", "quick", TraceContext.ATTRIBUTE, "00-" + traceId + "-" + publisherSpan + "-01"),
                message.toBytes(),
                "projects/local/subscriptions/provision-jobs-push",
                1);

        QuickJobs.push(envelope).statusCode(200).body("outcome", equalTo("ack"));

        List<String> expected = List.of(
                "provision-jobs process",
                "job",
                "claim",
                "provision.quick",
                "phase creating_dataset",
                "phase loading_tables",
                "phase verifying",
                "phase creating_agent");
        List<SpanData> trace = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> spansOf(traceId),
                        list -> list.stream().map(SpanData::getName).toList().containsAll(expected));

        SpanData process = named(trace, "provision-jobs process");
        assertThat(process.getParentSpanId()).isEqualTo(publisherSpan);
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        // the push request's own server span is another trace, kept as a link
        SpanData server = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/pubsub/push"))
                .findFirst()
                .orElseThrow();
        assertThat(server.getTraceId()).isNotEqualTo(traceId);
        assertThat(process.getLinks())
                .anyMatch(l -> l.getSpanContext().getSpanId().equals(server.getSpanId()));
        SpanData job = named(trace, "job");
        assertThat(job.getParentSpanId()).isEqualTo(process.getSpanId());
        assertThat(named(trace, "claim").getParentSpanId()).isEqualTo(job.getSpanId());
        SpanData provision = named(trace, "provision.quick");
        assertThat(trace.stream().filter(s -> s.getName().startsWith("phase ")))
                .allMatch(s -> s.getParentSpanId().equals(provision.getSpanId()));
        assertThat(trace.stream()
                        .filter(s -> s.getName().equals("phase loading_tables"))
                        .count())
                .as("one span per table load")
                .isGreaterThan(1);
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId))
                .toList();
    }

    private static SpanData named(List<SpanData> trace, String name) {
        return trace.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    private static String hex(int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return out.substring(0, length);
    }
}
