package com.capidemo.lifecycle.service;

import java.time.Instant;

/** POST /api/admin/send-warnings: new warnings stored, and how many pending ones went out on the topic. */
public record WarningsReport(
        long warningsSent, long delivered, long deliveryErrors, Instant timestamp, long durationMs, String runId) {}
