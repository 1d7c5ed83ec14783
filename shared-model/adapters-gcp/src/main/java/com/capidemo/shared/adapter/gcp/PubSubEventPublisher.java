package com.capidemo.shared.adapter.gcp;

import com.capidemo.shared.messaging.TraceContext;
import com.capidemo.shared.port.EventPublisher;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Events in gcp mode: one Pub/Sub message per event on the provision-events topic, with the event id as an attribute
 * so subscribers can drop the duplicates a retried job may publish (Pub/Sub itself does not deduplicate).
 */
public class PubSubEventPublisher implements EventPublisher {

    public static final String EVENT_ID = "event_id";

    private final Publisher publisher;
    private final Duration publishTimeout;

    public PubSubEventPublisher(Publisher publisher, Duration publishTimeout) {
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
    }

    @Override
    public void publish(String topic, String eventId, Map<String, String> attributes, byte[] data) {
        if (!publisher.getTopicNameString().endsWith("/" + topic)) {
            throw new IllegalArgumentException("this publisher sends to " + publisher.getTopicNameString() + ", not " + topic);
        }
        Map<String, String> attrs = new LinkedHashMap<>(TraceContext.withCurrent(attributes));
        attrs.put(EVENT_ID, eventId);
        try {
            publisher.publish(PubsubMessage.newBuilder().setData(ByteString.copyFrom(data)).putAllAttributes(attrs).build())
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing event " + eventId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish event " + eventId + " to " + topic + ": " + e.getMessage(), e);
        }
    }
}
