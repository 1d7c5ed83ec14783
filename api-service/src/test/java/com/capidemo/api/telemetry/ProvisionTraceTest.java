package com.capidemo.api.telemetry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.capidemo.api.support.PushStub;
import com.capidemo.api.support.Tenants;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.messaging.PushEnvelope;
import com.capidemo.core.messaging.PushMessage;
import com.capidemo.core.messaging.TraceContext;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The API side of one provision's trace: the request's spans and the push the local queue delivers to the worker
 * carry one trace id, in the message attribute Pub/Sub delivers and in the traceparent header the local dispatcher
 * sends; the worker side (quick-provisioner's PushTraceTest) continues exactly such a message.
 */
@QuarkusTest
@TestProfile(ProvisionTraceTest.Profile.class)
@QuarkusTestResource(value = PushStub.class, restrictToAnnotatedClass = true)
class ProvisionTraceTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(CapturedSpans.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "platform.queue.quick.dispatcher.enabled",
                    "true",
                    "platform.worker.shared-secret",
                    "stub-secret",
                    "quarkus.otel.bsp.schedule.delay",
                    "0.05s",
                    // onboarding's first warehouse queries wait for the template data on a loaded machine
                    "quarkus.http.test-timeout",
                    "300s");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aQuickProvisionRequestAndThePushItCausesShareOneTrace() {
        PushStub.reset(204);
        String key = Tenants.onboardNew("trace");
        String jobId = given().header("X-API-Key", key)
                .contentType("application/json")
                .body("{\"template_id\":\"shopify\"}")
                .when()
                .post("/api/provision/quick")
                .then()
                .statusCode(202)
                .extract()
                .path("job_id");

        PushMessage pushed = await().atMost(Duration.ofSeconds(20)).until(() -> pushOf(jobId), m -> m != null);
        String traceparent = pushed.attributes().get(TraceContext.ATTRIBUTE);
        SpanContext parent = TraceContext.parse(traceparent).orElseThrow();
        assertThat(PushStub.TRACEPARENTS).contains(traceparent);

        List<SpanData> trace = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> spansOf(parent.getTraceId()),
                        list -> list.stream().anyMatch(s -> s.getName().equals("provision.quick.accept"))
                                && list.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER));
        SpanData server = trace.stream()
                .filter(s -> s.getKind() == SpanKind.SERVER)
                .findFirst()
                .orElseThrow();
        assertThat(server.getName()).contains("/api/provision/quick");
        SpanData accept = trace.stream()
                .filter(s -> s.getName().equals("provision.quick.accept"))
                .findFirst()
                .orElseThrow();
        assertThat(accept.getParentSpanId()).isEqualTo(server.getSpanId());
        // the message names a span of the request's trace as its parent: the worker's spans hang below it
        assertThat(trace).extracting(SpanData::getSpanId).contains(parent.getSpanId());
    }

    private static PushMessage pushOf(String jobId) {
        for (byte[] body : PushStub.RECEIVED) {
            PushMessage message = PushEnvelope.parse(body);
            if (ProvisionMessage.fromBytes(message.data()).jobId().equals(jobId)) {
                return message;
            }
        }
        return null;
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId))
                .toList();
    }
}
