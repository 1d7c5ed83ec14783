package com.capidemo.core.domain;

import java.time.Instant;

/**
 * A demo as the list and the dashboard show it: what identifies and describes it, never its golden queries, metadata
 * or readiness details (those are on the full {@link Demo}).
 */
public record DemoSummary(
        String demoId,
        String customerName,
        String templateId,
        String industry,
        DemoStatus status,
        boolean isPinned,
        String createdBy,
        Instant createdAt,
        Instant lastUsed,
        long tableCount,
        long totalRows,
        Double readinessScore) {

    /** Where the next page starts after this demo. */
    public DemoCursor cursor() {
        return new DemoCursor(createdAt, demoId);
    }
}
