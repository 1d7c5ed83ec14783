package com.capidemo.lifecycle.service;

import java.time.Instant;

/**
 * POST /api/admin/cleanup: what this run archived, deleted and dropped,
 * and how many jobs it failed because their queue had given up on them.
 */
public record CleanupReport(
        long archived,
        long deleted,
        long tempDatasetsDropped,
        long jobsFailed,
        long errors,
        Instant timestamp,
        long durationMs,
        String runId) {}
