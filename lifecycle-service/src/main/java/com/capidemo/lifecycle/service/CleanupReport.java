package com.capidemo.lifecycle.service;

import java.time.Instant;

/** POST /api/admin/cleanup: what this run archived, deleted and dropped, and when. */
public record CleanupReport(long archived, long deleted, long tempDatasetsDropped, long errors, Instant timestamp,
                            long durationMs, String runId) {
}
