package com.capidemo.shared.adapter.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.shared.domain.Ids;
import com.capidemo.shared.port.EventPublisher;
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

    @Test
    void anEventIsPublishedWithItsIdAndAttributes() throws Exception {
        try (TopicAdminClient topics = TopicAdminClient.create(TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(PubSubEmulator.channels())
                .setCredentialsProvider(PubSubEmulator.credentials()).build());
             SubscriptionAdminClient subscriptions = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                     .setTransportChannelProvider(PubSubEmulator.channels())
                     .setCredentialsProvider(PubSubEmulator.credentials()).build())) {
            String suffix = Ids.randomHex(3);
            TopicName topic = TopicName.of(PubSubEmulator.PROJECT, EventPublisher.PROVISION_EVENTS);
            try {
                topics.createTopic(topic);
            } catch (com.google.api.gax.rpc.AlreadyExistsException ignored) {
                // an earlier test run in the same emulator created it
            }
            SubscriptionName sub = SubscriptionName.of(PubSubEmulator.PROJECT, "events-" + suffix);
            subscriptions.createSubscription(sub, topic, PushConfig.getDefaultInstance(), 10);
            Publisher publisher = Publisher.newBuilder(topic).setChannelProvider(PubSubEmulator.channels())
                    .setCredentialsProvider(PubSubEmulator.credentials()).build();
            try {
                EventPublisher events = new PubSubEventPublisher(publisher, Duration.ofSeconds(20));
                events.publish(EventPublisher.PROVISION_EVENTS, "job_1-completed", Map.of("status", "completed"),
                        "{\"job_id\":\"job_1\"}".getBytes());
                assertThatThrownBy(() -> events.publish("other-topic", "x", Map.of(), new byte[0]))
                        .isInstanceOf(IllegalArgumentException.class);

                PullResponse pulled = subscriptions.pull(PullRequest.newBuilder().setSubscription(sub.toString())
                        .setMaxMessages(10).build());
                assertThat(pulled.getReceivedMessagesList()).hasSize(1);
                var message = pulled.getReceivedMessages(0).getMessage();
                assertThat(message.getAttributesMap()).containsEntry("event_id", "job_1-completed")
                        .containsEntry("status", "completed");
                assertThat(message.getData().toStringUtf8()).contains("job_1");
            } finally {
                publisher.shutdown();
                publisher.awaitTermination(10, TimeUnit.SECONDS);
                subscriptions.deleteSubscription(sub);
            }
        }
    }
}
