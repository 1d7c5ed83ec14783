package com.capidemo.core.port;

import java.util.Map;

/**
 * Announces finished work (topic {@code provision-events}) and messages for users (topic {@code demo-notifications},
 * e.g. expiry warnings an email sender turns into mail): a Pub/Sub publish in gcp mode, a durable event table locally.
 * Publishing the same event id twice records it once locally; on Pub/Sub the id is an attribute to deduplicate by.
 */
public interface EventPublisher {

    String PROVISION_EVENTS = "provision-events";
    String DEMO_NOTIFICATIONS = "demo-notifications";

    void publish(String topic, String eventId, Map<String, String> attributes, byte[] data);
}
