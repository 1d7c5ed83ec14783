package com.capidemo.shared.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A provisioned (or provisioning) demo: a warehouse dataset plus a data agent over it. {@code readiness} is recorded
 * when it becomes ready (null before, or for demos that predate the check).
 */
public record Demo(
        String demoId,
        String tenantId,
        String createdBy,
        String customerName,
        String industry,
        String templateId,
        String datasetId,
        String agentId,
        DemoStatus status,
        Instant createdAt,
        Instant lastUsed,
        Instant archivedAt,
        boolean isPinned,
        List<GoldenQuery> goldenQueries,
        Map<String, Object> metadata,
        Readiness readiness) {

    /** A demo without a readiness score yet. */
    public Demo(String demoId, String tenantId, String createdBy, String customerName, String industry,
                String templateId, String datasetId, String agentId, DemoStatus status, Instant createdAt,
                Instant lastUsed, Instant archivedAt, boolean isPinned, List<GoldenQuery> goldenQueries,
                Map<String, Object> metadata) {
        this(demoId, tenantId, createdBy, customerName, industry, templateId, datasetId, agentId, status, createdAt,
                lastUsed, archivedAt, isPinned, goldenQueries, metadata, null);
    }

    public static Demo provisioning(String demoId, String tenantId, String createdBy, String customerName,
                                    String industry, String templateId, Instant now) {
        return new Demo(demoId, tenantId, createdBy, customerName, industry, templateId, null, null,
                DemoStatus.PROVISIONING, now, now, null, false, List.of(), Map.of(), null);
    }
}
