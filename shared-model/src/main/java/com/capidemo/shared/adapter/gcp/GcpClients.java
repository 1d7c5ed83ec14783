package com.capidemo.shared.adapter.gcp;

import com.capidemo.shared.adapter.AdapterSelection;
import com.capidemo.shared.config.PlatformConfig;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.pubsub.v1.TopicName;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * The Google clients, created on first use only (so a local run never builds one) from platform.gcp.project-id, on
 * the emulators when their host is configured (platform.gcp.*-emulator-host or the standard *_EMULATOR_HOST
 * variables), and closed at shutdown.
 */
@ApplicationScoped
public class GcpClients {

    @Produces
    @ApplicationScoped
    Firestore firestore(AdapterSelection selection) {
        FirestoreOptions.Builder options = FirestoreOptions.newBuilder().setProjectId(selection.projectId());
        selection.firestoreEmulatorHost().ifPresent(host -> {
            Log.infof("Firestore: emulator at %s", host);
            options.setEmulatorHost(host);
        });
        return options.build().getService();
    }

    void closeFirestore(@Disposes Firestore firestore) throws Exception {
        firestore.close();
    }

    /** Publishes to the quick-job topic (platform.queue.quick.topic). Singleton: Publisher cannot be proxied. */
    @Produces
    @Singleton
    Publisher quickJobPublisher(AdapterSelection selection, PlatformConfig config) throws java.io.IOException {
        Publisher.Builder builder = Publisher.newBuilder(
                TopicName.of(selection.projectId(), config.queue().quick().topic()));
        selection.pubsubEmulatorHost().ifPresent(host -> {
            Log.infof("Pub/Sub: emulator at %s", host);
            builder.setChannelProvider(InstantiatingGrpcChannelProvider.newBuilder().setEndpoint(host)
                            .setChannelConfigurator(ManagedChannelBuilder::usePlaintext).build())
                    .setCredentialsProvider(NoCredentialsProvider.create());
        });
        return builder.build();
    }

    void closePublisher(@Disposes Publisher publisher) throws InterruptedException {
        publisher.shutdown(); // sends what is still batched
        publisher.awaitTermination(10, TimeUnit.SECONDS);
    }
}
