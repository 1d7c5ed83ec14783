package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.messaging.PushEnvelope;
import com.capidemo.core.messaging.PushMessage;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The gcp quick-job queue against the Pub/Sub and Firestore emulators: the job and demo are stored, the
 * message is published through the real client, and the emulator's own push subscription delivers an
 * envelope (not built by us) that our parser reads back to the same job.
 */
@Tag("emulator")
class PubSubJobQueueEmulatorTest {

    private static final LinkedBlockingQueue<byte[]> PUSHED = new LinkedBlockingQueue<>();
    private static Firestore firestore;
    private static HttpServer pushEndpoint;
    private static TopicAdminClient topics;
    private static SubscriptionAdminClient subscriptions;
    private static TopicName topic;
    private static SubscriptionName pull;
    private static Publisher publisher;

    @BeforeAll
    static void setUp() throws Exception {
        firestore = FirestoreEmulator.client();
        pushEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushEndpoint.createContext("/pubsub/push", ex -> {
            PUSHED.add(ex.getRequestBody().readAllBytes());
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        pushEndpoint.start();

        topics = TopicAdminClient.create(TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(PubSubEmulator.channels())
                .setCredentialsProvider(PubSubEmulator.credentials())
                .build());
        subscriptions = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(PubSubEmulator.channels())
                .setCredentialsProvider(PubSubEmulator.credentials())
                .build());
        String suffix = Ids.randomHex(3);
        topic = TopicName.of(PubSubEmulator.PROJECT, "provision-jobs-" + suffix);
        topics.createTopic(topic);
        pull = SubscriptionName.of(PubSubEmulator.PROJECT, "provision-jobs-pull-" + suffix);
        subscriptions.createSubscription(pull, topic, PushConfig.getDefaultInstance(), 10);
        subscriptions.createSubscription(
                SubscriptionName.of(PubSubEmulator.PROJECT, "provision-jobs-push-" + suffix),
                topic,
                PushConfig.newBuilder()
                        .setPushEndpoint(
                                "http://127.0.0.1:" + pushEndpoint.getAddress().getPort() + "/pubsub/push")
                        .build(),
                10);
        publisher = Publisher.newBuilder(topic)
                .setChannelProvider(PubSubEmulator.channels())
                .setCredentialsProvider(PubSubEmulator.credentials())
                .build();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (publisher != null) {
            publisher.shutdown();
            publisher.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (topics != null) {
            topics.close();
        }
        if (subscriptions != null) {
            subscriptions.close();
        }
        if (pushEndpoint != null) {
            pushEndpoint.stop(0);
        }
        if (firestore != null) {
            firestore.close();
        }
    }

    private static Job newJob(String demoId) {
        return Job.queued(Ids.jobId(), demoId, "acme", new JobPayload.Quick("shopify", null, null), Instant.now());
    }

    @Test
    void aSubmittedJobIsStoredPublishedAndPushedAsAPubSubEnvelope() throws Exception {
        FirestoreJobStore jobs = new FirestoreJobStore(firestore, Clock.systemUTC());
        FirestoreDemoStore demos = new FirestoreDemoStore(firestore, Clock.systemUTC());
        PubSubJobQueue queue = new PubSubJobQueue(publisher, jobs, demos, Duration.ofSeconds(20));
        String demoId = Ids.demoId();
        Demo demo = Demo.provisioning(demoId, "acme", "ce@example.com", "Acme", "Retail", "shopify", Instant.now());
        Job job = newJob(demoId);
        ProvisionMessage message = new ProvisionMessage(job.jobId(), demoId, "acme", "quick", "shopify");

        queue.submit(demo, job, Map.of("job_type", "quick", "tenant_id", "acme"), message.toBytes());

        assertThat(jobs.find(job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(demos.find(demoId).orElseThrow().status()).isEqualTo(DemoStatus.PROVISIONING);

        PullResponse pulled = subscriptions.pull(PullRequest.newBuilder()
                .setSubscription(pull.toString())
                .setMaxMessages(10)
                .build());
        assertThat(pulled.getReceivedMessagesList())
                .extracting(ReceivedMessage::getMessage)
                .anySatisfy(m -> {
                    assertThat(ProvisionMessage.fromBytes(m.getData().toByteArray())
                                    .jobId())
                            .isEqualTo(job.jobId());
                    assertThat(m.getAttributesMap())
                            .containsEntry("job_type", "quick")
                            .containsEntry("tenant_id", "acme");
                });

        byte[] body = PUSHED.poll(30, TimeUnit.SECONDS);
        assertThat(body).as("a push from the emulator").isNotNull();
        PushMessage pushed = PushEnvelope.parse(body);
        assertThat(ProvisionMessage.fromBytes(pushed.data()).jobId()).isEqualTo(job.jobId());
        assertThat(pushed.attributes()).containsEntry("job_type", "quick");
        assertThat(pushed.subscription()).contains("provision-jobs-push-");
        assertThat(pushed.messageId()).isNotBlank();
    }

    @Test
    void aJobWhoseMessageCannotBePublishedFailsWithTheReason() throws Exception {
        FirestoreJobStore jobs = new FirestoreJobStore(firestore, Clock.systemUTC());
        FirestoreDemoStore demos = new FirestoreDemoStore(firestore, Clock.systemUTC());
        Publisher nowhere = Publisher.newBuilder(TopicName.of(PubSubEmulator.PROJECT, "no-such-topic"))
                .setChannelProvider(PubSubEmulator.channels())
                .setCredentialsProvider(PubSubEmulator.credentials())
                .build();
        try {
            PubSubJobQueue queue = new PubSubJobQueue(nowhere, jobs, demos, Duration.ofSeconds(20));
            String demoId = Ids.demoId();
            Job job = newJob(demoId);
            Demo demo = Demo.provisioning(demoId, "acme", "ce@example.com", "Acme", "Retail", "shopify", Instant.now());

            assertThatThrownBy(() -> queue.submit(demo, job, Map.of("job_type", "quick"), "{}".getBytes()))
                    .isInstanceOf(PubSubJobQueue.PublishFailed.class)
                    .hasMessageContaining("no-such-topic");
            Job failed = jobs.find(job.jobId()).orElseThrow();
            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.error()).contains("could not publish");
            assertThat(demos.find(demoId).orElseThrow().status()).isEqualTo(DemoStatus.FAILED);
        } finally {
            nowhere.shutdown();
        }
    }
}
