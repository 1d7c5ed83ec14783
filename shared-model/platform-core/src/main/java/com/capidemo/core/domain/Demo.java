package com.capidemo.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A provisioned (or provisioning) demo: a warehouse dataset plus a data agent over it. {@code readiness} is recorded
 * when it becomes ready (null before, or for demos that predate the check). {@code pinnedAt} is when its owner last
 * pinned it, {@code deletedAt} when it was deleted (the record is kept), {@code sourceDemoId} the demo it was cloned
 * from.
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
        Readiness readiness,
        Instant pinnedAt,
        Instant deletedAt,
        String sourceDemoId) {

    /** A demo that was never pinned, deleted or cloned. */
    public Demo(
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
        this(
                demoId,
                tenantId,
                createdBy,
                customerName,
                industry,
                templateId,
                datasetId,
                agentId,
                status,
                createdAt,
                lastUsed,
                archivedAt,
                isPinned,
                goldenQueries,
                metadata,
                readiness,
                null,
                null,
                null);
    }

    /** A demo without a readiness score yet. */
    public Demo(
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
            Map<String, Object> metadata) {
        this(
                demoId,
                tenantId,
                createdBy,
                customerName,
                industry,
                templateId,
                datasetId,
                agentId,
                status,
                createdAt,
                lastUsed,
                archivedAt,
                isPinned,
                goldenQueries,
                metadata,
                null);
    }

    public static Demo provisioning(
            String demoId,
            String tenantId,
            String createdBy,
            String customerName,
            String industry,
            String templateId,
            Instant now) {
        return new Demo(
                demoId,
                tenantId,
                createdBy,
                customerName,
                industry,
                templateId,
                null,
                null,
                DemoStatus.PROVISIONING,
                now,
                now,
                null,
                false,
                List.of(),
                Map.of(),
                null);
    }

    /** A clone of {@code source} that is still provisioning: same template and industry, its own id and owner. */
    public static Demo cloneOf(Demo source, String demoId, String createdBy, String customerName, Instant now) {
        return new Demo(
                demoId,
                source.tenantId(),
                createdBy,
                customerName,
                source.industry(),
                source.templateId(),
                null,
                null,
                DemoStatus.PROVISIONING,
                now,
                now,
                null,
                false,
                List.of(),
                Map.of(),
                null,
                null,
                null,
                source.demoId());
    }

    /** Whether {@code email} created the demo. */
    public boolean ownedBy(String email) {
        return createdBy != null && createdBy.equals(email);
    }

    /** True when the demo's dataset is a template dataset (never archived or dropped by lifecycle work). */
    public boolean onTemplateDataset(String templateDatasetPrefix) {
        return datasetId != null && !templateDatasetPrefix.isEmpty() && datasetId.startsWith(templateDatasetPrefix);
    }
}
