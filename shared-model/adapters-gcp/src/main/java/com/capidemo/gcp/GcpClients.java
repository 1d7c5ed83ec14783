package com.capidemo.gcp;

import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.config.PlatformConfig;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.geminidataanalytics.v1beta.DataAgentServiceClient;
import com.google.cloud.geminidataanalytics.v1beta.DataChatServiceClient;
import com.google.cloud.kms.v1.KeyManagementServiceClient;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.pubsub.v1.TopicName;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
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
    Publisher quickJobPublisher(AdapterSelection selection, PlatformConfig config) throws IOException {
        return publisher(selection, config.queue().quick().topic());
    }

    /** Publishes completion events (platform.gcp.events-topic). */
    @Produces
    @Singleton
    @EventsTopic
    Publisher eventPublisher(AdapterSelection selection, PlatformConfig config) throws IOException {
        return publisher(selection, config.gcp().eventsTopic());
    }

    /** A publisher of the topic in the platform's project; on the emulator when its host is configured. */
    private static Publisher publisher(AdapterSelection selection, String topic) throws IOException {
        Publisher.Builder builder = Publisher.newBuilder(TopicName.of(selection.projectId(), topic));
        selection.pubsubEmulatorHost().ifPresent(host -> {
            Log.infof("Pub/Sub: topic %s on the emulator at %s", topic, host);
            builder.setChannelProvider(InstantiatingGrpcChannelProvider.newBuilder()
                            .setEndpoint(host)
                            .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
                            .build())
                    .setCredentialsProvider(NoCredentialsProvider.create());
        });
        return builder.build();
    }

    void closeEventPublisher(@Disposes @EventsTopic Publisher publisher) throws InterruptedException {
        closePublisher(publisher);
    }

    /** Publishes messages for users, e.g. expiry warnings (platform.gcp.notifications-topic). */
    @Produces
    @Singleton
    @NotificationsTopic
    Publisher notificationsPublisher(AdapterSelection selection, PlatformConfig config) throws IOException {
        return publisher(selection, config.gcp().notificationsTopic());
    }

    void closeNotificationsPublisher(@Disposes @NotificationsTopic Publisher publisher) throws InterruptedException {
        closePublisher(publisher);
    }

    /** BigQuery with retries that include HTTP 5xx/429 (the client's default does not retry a 503). */
    @Produces
    @Singleton
    BigQuery bigquery(AdapterSelection selection) {
        return BigQueryOptions.newBuilder()
                .setProjectId(selection.projectId())
                .setRetrySettings(GcpRetry.defaults())
                .setResultRetryAlgorithm(GcpRetry.bigQueryErrors())
                .build()
                .getService();
    }

    @Produces
    @Singleton
    Storage storage(AdapterSelection selection) {
        return StorageOptions.http()
                .setProjectId(selection.projectId())
                .setRetrySettings(GcpRetry.defaults())
                .build()
                .getService();
    }

    /** createTask retried on UNAVAILABLE/DEADLINE_EXCEEDED: safe, because every task name is fixed per job. */
    @Produces
    @Singleton
    CloudTasksClient cloudTasks() throws IOException {
        return CloudTasksClient.create(
                CloudTasksQueue.retryCreateTask(CloudTasksSettings.newBuilder(), Duration.ofSeconds(30))
                        .build());
    }

    void closeCloudTasks(@Disposes CloudTasksClient client) {
        client.close();
    }

    @Produces
    @Singleton
    KeyManagementServiceClient kms() throws IOException {
        return KeyManagementServiceClient.create();
    }

    void closeKms(@Disposes KeyManagementServiceClient client) {
        client.close();
    }

    @Produces
    @Singleton
    DataAgentServiceClient dataAgents() throws IOException {
        return DataAgentServiceClient.create();
    }

    void closeDataAgents(@Disposes DataAgentServiceClient client) {
        client.close();
    }

    @Produces
    @Singleton
    DataChatServiceClient dataChat() throws IOException {
        return DataChatServiceClient.create();
    }

    void closeDataChat(@Disposes DataChatServiceClient client) {
        client.close();
    }

    void closePublisher(@Disposes Publisher publisher) throws InterruptedException {
        publisher.shutdown(); // sends what is still batched
        publisher.awaitTermination(10, TimeUnit.SECONDS);
    }
}
