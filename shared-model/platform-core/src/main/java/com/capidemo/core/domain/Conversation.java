package com.capidemo.core.domain;

import java.time.Instant;

/** A chat with one demo's data agent, owned by the tenant that started it. */
public record Conversation(
        String conversationId,
        String tenantId,
        String demoId,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {}
