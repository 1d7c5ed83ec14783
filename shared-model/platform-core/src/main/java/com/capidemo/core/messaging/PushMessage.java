package com.capidemo.core.messaging;

import java.time.Instant;
import java.util.Map;

/** The message inside a Pub/Sub push envelope, with its data already base64-decoded. */
public record PushMessage(
        String messageId,
        Instant publishTime,
        Map<String, String> attributes,
        byte[] data,
        String subscription,
        int deliveryAttempt) {}
