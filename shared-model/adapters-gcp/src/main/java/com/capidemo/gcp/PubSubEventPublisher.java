package com.capidemo.gcp;

import com.capidemo.core.messaging.TraceContext;
import com.capidemo.core.port.EventPublisher;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Events in gcp mode: one Pub/Sub message per event on its topic (provision-events, demo-notifications), with the
 * event id as an attribute so subscribers can drop the duplicates a retried job may publish (Pub/Sub itself does not
 * deduplicate). Each logical topic has its own publisher, created on its first use.
 */
public class PubSubEventPublisher implements EventPublisher {

    public static final String EVENT_ID = "event_id";

    private final Map<String, Supplier<Publisher>> publishers;
    private final Duration publishTimeout;

    /** One topic: the publisher's own (its topic name ends with the logical name callers pass). */
    public PubSubEventPublisher(Publisher publisher, Duration publishTimeout) {
        this(
                Map.of(
                        publisher
                                .getTopicNameString()
                                .substring(publisher.getTopicNameString().lastIndexOf('/') + 1),
                        () -> publisher),
                publishTimeout);
    }

    /** The publisher of each logical topic (the real topic names are configuration). */
    public PubSubEventPublisher(Map<String, Supplier<Publisher>> publishers, Duration publishTimeout) {
        this.publishers = Map.copyOf(publishers);
        this.publishTimeout = publishTimeout;
    }

    @Override
    public void publish(String topic, String eventId, Map<String, String> attributes, byte[] data) {
        Supplier<Publisher> of = publishers.get(topic);
        if (of == null) {
            throw new IllegalArgumentException(
                    "no publisher for topic " + topic + "; this service publishes to " + publishers.keySet());
        }
        Publisher publisher = of.get();
        Map<String, String> attrs = new LinkedHashMap<>(TraceContext.withCurrent(attributes));
        attrs.put(EVENT_ID, eventId);
        try {
            publisher
                    .publish(PubsubMessage.newBuilder()
                            .setData(ByteString.copyFrom(data))
                            .putAllAttributes(attrs)
                            .build())
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing event " + eventId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "could not publish event " + eventId + " to " + topic + ": " + e.getMessage(), e);
        }
    }
}
