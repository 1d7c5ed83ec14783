package com.capidemo.quick.gcp;

import com.capidemo.gcp.FirestoreEmulator;
import com.capidemo.gcp.PubSubEmulator;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * quick-provisioner in gcp mode on the emulators: store = Firestore emulator, quick queue = Pub/Sub emulator whose
 * push subscription {@code provision-jobs-push} delivers topic {@code provision-jobs} to this worker's
 * /pubsub/push ({@link #pushTo}); the ports without an emulator (warehouse, objects, crypto, agents) stay local. The emulator pushes
 * without any credential, hence worker auth none, which the worker accepts only with an emulator host set.
 */
public class GcpEmulators implements QuarkusTestResourceLifecycleManager {

    static final String TOPIC = "provision-jobs";
    static final String SUBSCRIPTION = "provision-jobs-push";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("platform.mode", "gcp");
        config.put("platform.gcp.project-id", PubSubEmulator.PROJECT);
        config.put("platform.gcp.firestore-emulator-host", FirestoreEmulator.hostPort());
        config.put("platform.gcp.pubsub-emulator-host", PubSubEmulator.hostPort());
        config.put("platform.queue.quick.topic", TOPIC);
        config.put("platform.worker.auth", "none");
        config.put("platform.warehouse", "duckdb");
        config.put("platform.objects", "local");
        config.put("platform.crypto", "tink");
        config.put("platform.agents", "local");
        return config;
    }

    @Override
    public void stop() {
        // the emulators stop with the test JVM
    }

    /**
     * Creates topic provision-jobs and its push subscription to {@code endpoint}, or re-points the subscription. Called
     * by the test once the worker listens (its port is random), with the host from the worker's own configuration:
     * the test's class loader must not start a second emulator.
     */
    static void pushTo(String pubsubHost, String endpoint) throws IOException {
        ManagedChannel channel =
                ManagedChannelBuilder.forTarget(pubsubHost).usePlaintext().build();
        TransportChannelProvider channels = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
        TopicName topic = TopicName.of(PubSubEmulator.PROJECT, TOPIC);
        SubscriptionName subscription = SubscriptionName.of(PubSubEmulator.PROJECT, SUBSCRIPTION);
        PushConfig push = PushConfig.newBuilder().setPushEndpoint(endpoint).build();
        try (TopicAdminClient topics = TopicAdminClient.create(TopicAdminSettings.newBuilder()
                        .setTransportChannelProvider(channels)
                        .setCredentialsProvider(NoCredentialsProvider.create())
                        .build());
                SubscriptionAdminClient subscriptions =
                        SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                                .setTransportChannelProvider(channels)
                                .setCredentialsProvider(NoCredentialsProvider.create())
                                .build())) {
            try {
                topics.createTopic(topic);
            } catch (AlreadyExistsException e) {
                // created for an earlier test
            }
            try {
                subscriptions.createSubscription(subscription, topic, push, 60);
            } catch (AlreadyExistsException e) {
                subscriptions.modifyPushConfig(subscription, push);
            }
        } finally {
            channel.shutdownNow();
        }
    }
}
