package com.capidemo.quick.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.port.JobStore;
import com.capidemo.gcp.FirestoreDemoStore;
import com.capidemo.gcp.FirestoreJobStore;
import com.capidemo.gcp.Guarded;
import com.capidemo.gcp.PubSubJobQueue;
import com.capidemo.quick.support.QuickJobs;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The gcp quick-job path end to end on the emulators: a job published to topic provision-jobs is pushed by the
 * Pub/Sub emulator to this worker's /pubsub/push, provisioned (DuckDB) and completed in Firestore.
 */
@Tag("emulator")
@QuarkusTest
@QuarkusTestResource(value = GcpEmulators.class, restrictToAnnotatedClass = true)
class PubSubPushEmulatorTest {

    @Inject
    JobQueue queue;

    @Inject
    JobStore jobs;

    @Inject
    DemoStore demos;

    @Inject
    Firestore firestore;

    @Inject
    AdapterSelection selection;

    @TestHTTPResource("/pubsub/push")
    URL pushEndpoint;

    @BeforeEach
    void pushSubscriptionPointsAtThisWorker() throws Exception {
        GcpEmulators.pushTo(selection.pubsubEmulatorHost().orElseThrow(), pushEndpoint.toString());
    }

    @Test
    void theGcpAdaptersAreTheOnesConfigured() {
        assertThat(Guarded.targetOf(ClientProxy.unwrap(queue))).isInstanceOf(PubSubJobQueue.class);
        assertThat(Guarded.targetOf(ClientProxy.unwrap(jobs))).isInstanceOf(FirestoreJobStore.class);
        assertThat(Guarded.targetOf(ClientProxy.unwrap(demos))).isInstanceOf(FirestoreDemoStore.class);
    }

    @Test
    void aJobPublishedThroughTheRealClientIsPushedToTheWorkerAndCompletedInFirestore() throws Exception {
        // What api-service does in gcp mode: store demo and job, publish through PubSubJobQueue.
        ProvisionMessage message = QuickJobs.enqueue(queue, "acme", "shopify");

        awaitCompleted(message.jobId(), message.demoId());
    }

    @Test
    void aMessagePublishedWithTheRawRestApiIsCompleted() throws Exception {
        Instant now = Instant.now();
        String demoId = Ids.demoId();
        Job job = Job.queued(Ids.jobId(), demoId, "acme", new JobPayload.Quick("shopify", null, null), now);
        demos.create(Demo.provisioning(demoId, "acme", "ce@example.com", "Acme", "Retail", "shopify", now));
        jobs.create(job);
        // Built by hand, not by ProvisionMessage or PushEnvelope: the emulator wraps it in its own envelope.
        String data = "{\"job_id\":\"" + job.jobId() + "\",\"demo_id\":\"" + demoId
                + "\",\"tenant_id\":\"acme\",\"type\":\"quick\",\"template_id\":\"shopify\"}";
        String body = "{\"messages\":[{\"data\":\""
                + Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8))
                + "\",\"attributes\":{\"job_type\":\"quick\",\"tenant_id\":\"acme\"}}]}";
        HttpResponse<String> published = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://"
                                        + selection.pubsubEmulatorHost().orElseThrow()
                                        + "/v1/projects/demo-project/topics/" + GcpEmulators.TOPIC + ":publish"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.body()).contains("messageIds");

        awaitCompleted(job.jobId(), demoId);
    }

    private void awaitCompleted(String jobId, String demoId) throws Exception {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    DocumentSnapshot stored =
                            firestore.collection("jobs").document(jobId).get().get();
                    assertThat(stored.getString("status")).isEqualTo("completed");
                });
        DocumentSnapshot job =
                firestore.collection("jobs").document(jobId).get().get();
        assertThat(job.getLong("progress")).isEqualTo(100L);
        assertThat(job.get("lease")).isNull();
        assertThat(demos.find(demoId).orElseThrow().status()).isEqualTo(DemoStatus.READY);
        assertThat(demos.find(demoId).orElseThrow().datasetId()).isEqualTo(demoId);
    }
}
