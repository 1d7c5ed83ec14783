package com.capidemo.lifecycle.service;

import com.capidemo.lifecycle.config.LifecycleConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * The lifecycle rules as values (from {@link LifecycleConfig}), with the cut-off times they give at a moment: what the
 * services compute with, so tests can state the rules without a configuration.
 */
public record LifecyclePolicy(
        Duration archiveAfter,
        Duration deleteAfter,
        Duration warnBefore,
        Duration tempMaxAge,
        String tempDatasetPrefix,
        String templateDatasetPrefix,
        int pageSize) {

    public LifecyclePolicy {
        if (warnBefore.compareTo(archiveAfter) > 0) {
            throw new IllegalArgumentException("platform.lifecycle.warn-before (" + warnBefore
                    + ") must not exceed platform.lifecycle.archive-after (" + archiveAfter + ")");
        }
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("platform.lifecycle.page-size must be 1..10000, not " + pageSize);
        }
    }

    public static LifecyclePolicy from(LifecycleConfig c) {
        return new LifecyclePolicy(
                c.archiveAfter(),
                c.deleteAfter(),
                c.warnBefore(),
                c.tempMaxAge(),
                c.tempDatasetPrefix(),
                c.templateDatasetPrefix(),
                c.pageSize());
    }

    /** The defaults: archive after 90 days, delete 180 days later, warn 7 days ahead, temp datasets after 24 h. */
    public static LifecyclePolicy defaults() {
        return new LifecyclePolicy(
                Duration.ofDays(90),
                Duration.ofDays(180),
                Duration.ofDays(7),
                Duration.ofHours(24),
                "tmp_",
                "tmpl_",
                500);
    }

    public LifecyclePolicy withPageSize(int size) {
        return new LifecyclePolicy(
                archiveAfter, deleteAfter, warnBefore, tempMaxAge, tempDatasetPrefix, templateDatasetPrefix, size);
    }

    /** Demos last used at or before this are archived. */
    public Instant archiveCutoff(Instant now) {
        return now.minus(archiveAfter);
    }

    /** Demos archived at or before this are deleted. */
    public Instant deleteCutoff(Instant now) {
        return now.minus(deleteAfter);
    }

    /** Demos last used at or before this are archived within warn-before: their owners are warned. */
    public Instant warnCutoff(Instant now) {
        return now.minus(archiveAfter).plus(warnBefore);
    }

    /** Temporary datasets created, and failed demos failed, at or before this are cleaned up. */
    public Instant tempCutoff(Instant now) {
        return now.minus(tempMaxAge);
    }

    /** A temporary dataset (by prefix) that is not a template dataset. */
    public boolean isTemporary(String datasetId) {
        return !tempDatasetPrefix.isEmpty() && datasetId.startsWith(tempDatasetPrefix) && !isTemplate(datasetId);
    }

    public boolean isTemplate(String datasetId) {
        return !templateDatasetPrefix.isEmpty() && datasetId.startsWith(templateDatasetPrefix);
    }
}
