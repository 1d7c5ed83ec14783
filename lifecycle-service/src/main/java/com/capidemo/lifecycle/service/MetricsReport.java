package com.capidemo.lifecycle.service;

import java.time.Instant;
import java.util.Map;

/** POST /api/admin/export-metrics: the demo counts exported as gauges (deleted demos count only per status). */
public record MetricsReport(
        Map<String, Long> demosByStatus,
        Map<String, Long> demosByTemplate,
        Map<String, Long> demosByTenant,
        Instant timestamp,
        long durationMs,
        String runId) {}
