package com.capidemo.local;

import java.time.Instant;
import java.util.Map;

/** One outbox row claimed for delivery. */
record OutboxMessage(
        String messageId,
        String topic,
        String subscription,
        byte[] data,
        Map<String, String> attributes,
        String jobId,
        Instant publishTime,
        int attempts) {}
