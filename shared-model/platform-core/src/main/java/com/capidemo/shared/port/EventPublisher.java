package com.capidemo.shared.port;

import java.util.Map;

/**
 * Announces finished work (topic {@code provision-events}): a Pub/Sub publish in gcp mode, a durable event table
 * locally. Publishing the same event id twice records it once.
 */
public interface EventPublisher {

    String PROVISION_EVENTS = "provision-events";

    void publish(String topic, String eventId, Map<String, String> attributes, byte[] data);
}
