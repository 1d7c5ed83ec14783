package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.domain.Ids;
import com.capidemo.core.port.EventPublisher;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Completion events reach the provision-events topic with the event id as an attribute (Pub/Sub emulator). */
@Tag("emulator")
class PubSubEventPublisherEmulatorTest {

    private static TopicAdminClient topics() throws java.io.IOException {
        return TopicAdminClient.create(TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(PubSubEmulator.channels())
                .setCredentialsProvider(PubSubEmulator.credentials())
                .build());
    }

    private static SubscriptionAdminClient subscriptions() throws java.io.IOException {
        return SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(PubSubEmulator.channels())
                .setCredentialsProvider(PubSubEmulator.credentials())
                .build());
    }

    private static Publisher publisher(TopicName topic) throws java.io.IOException {
        return Publisher.newBuilder(topic)
                .setChannelProvider(PubSubEmulator.channels())
                .setCredentialsProvider(PubSubEmulator.credentials())
                .build();
    }

    @Test
    void anEventIsPublishedWithItsIdAndAttributes() throws Exception {
        try (TopicAdminClient topics = topics();
                SubscriptionAdminClient subscriptions = subscriptions()) {
            String suffix = Ids.randomHex(3);
            TopicName topic = TopicName.of(PubSubEmulator.PROJECT, EventPublisher.PROVISION_EVENTS);
            try {
                topics.createTopic(topic);
            } catch (com.google.api.gax.rpc.AlreadyExistsException ignored) {
                // an earlier test run in the same emulator created it
            }
            SubscriptionName sub = SubscriptionName.of(PubSubEmulator.PROJECT, "events-" + suffix);
            subscriptions.createSubscription(sub, topic, PushConfig.getDefaultInstance(), 10);
            Publisher publisher = publisher(topic);
            try {
                EventPublisher events = new PubSubEventPublisher(publisher, Duration.ofSeconds(20));
                events.publish(
                        EventPublisher.PROVISION_EVENTS,
                        "job_1-completed",
                        Map.of("status", "completed"),
                        "{\"job_id\":\"job_1\"}".getBytes());
                assertThatThrownBy(() -> events.publish("other-topic", "x", Map.of(), new byte[0]))
                        .isInstanceOf(IllegalArgumentException.class);

                PullResponse pulled = subscriptions.pull(PullRequest.newBuilder()
                        .setSubscription(sub.toString())
                        .setMaxMessages(10)
                        .build());
                assertThat(pulled.getReceivedMessagesList()).hasSize(1);
                var message = pulled.getReceivedMessages(0).getMessage();
                assertThat(message.getAttributesMap())
                        .containsEntry("event_id", "job_1-completed")
                        .containsEntry("status", "completed");
                assertThat(message.getData().toStringUtf8()).contains("job_1");
            } finally {
                publisher.shutdown();
                publisher.awaitTermination(10, TimeUnit.SECONDS);
                subscriptions.deleteSubscription(sub);
            }
        }
    }

    @Test
    void eachLogicalTopicGoesToItsOwnPublisher() throws Exception {
        try (TopicAdminClient topics = topics();
                SubscriptionAdminClient subscriptions = subscriptions()) {
            String suffix = Ids.randomHex(3);
            // the real topic name is configuration (platform.gcp.notifications-topic); callers use the logical one
            TopicName topic = TopicName.of(PubSubEmulator.PROJECT, "capi-notifications-" + suffix);
            topics.createTopic(topic);
            SubscriptionName sub = SubscriptionName.of(PubSubEmulator.PROJECT, "mail-" + suffix);
            subscriptions.createSubscription(sub, topic, PushConfig.getDefaultInstance(), 10);
            Publisher publisher = publisher(topic);
            int[] created = {0};
            try {
                EventPublisher events = new PubSubEventPublisher(
                        Map.of(
                                EventPublisher.DEMO_NOTIFICATIONS,
                                () -> {
                                    created[0]++;
                                    return publisher;
                                },
                                EventPublisher.PROVISION_EVENTS,
                                () -> {
                                    throw new AssertionError("the provision-events publisher is not needed");
                                }),
                        Duration.ofSeconds(20));
                events.publish(
                        EventPublisher.DEMO_NOTIFICATIONS,
                        "warn_demo_1_1",
                        Map.of("kind", "archive_warning"),
                        "{\"demo_id\":\"demo_1\"}".getBytes());

                PullResponse pulled = subscriptions.pull(PullRequest.newBuilder()
                        .setSubscription(sub.toString())
                        .setMaxMessages(10)
                        .build());
                assertThat(pulled.getReceivedMessagesList()).hasSize(1);
                assertThat(pulled.getReceivedMessages(0).getMessage().getAttributesMap())
                        .containsEntry("event_id", "warn_demo_1_1")
                        .containsEntry("kind", "archive_warning");
                assertThat(created[0]).isEqualTo(1);
            } finally {
                publisher.shutdown();
                publisher.awaitTermination(10, TimeUnit.SECONDS);
                subscriptions.deleteSubscription(sub);
            }
        }
    }
}
