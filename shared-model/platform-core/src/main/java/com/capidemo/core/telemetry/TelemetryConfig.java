package com.capidemo.core.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Where traces, metrics and logs go. Each key defaults from {@code platform.mode}: gcp mode sends spans to Cloud Trace,
 * meters to Cloud Monitoring and writes Cloud Logging's structured JSON; local mode exports no span, keeps the
 * Prometheus endpoint /q/metrics and writes plain JSON lines. Chosen once, in {@link TelemetrySelection}.
 */
@ConfigMapping(prefix = "platform.telemetry")
public interface TelemetryConfig {

    /** none | logging (each finished span as a log line) | cloud-trace (PLATFORM_TRACES). */
    Optional<String> traces();

    /** prometheus (only /q/metrics) | cloud-monitoring (also pushed to Cloud Monitoring) (PLATFORM_METRICS). */
    Optional<String> metrics();

    /** json (Quarkus' JSON lines) | cloud-logging (Cloud Logging's structured format) (PLATFORM_LOG_FORMAT). */
    Optional<String> logFormat();

    /**
     * How often meters are pushed to Cloud Monitoring. Every point of every series is billed by the byte (docs/cost.md);
     * 5 minutes matches the dashboard's and the alerts' alignment and keeps the platform inside the free allotment.
     */
    @WithDefault("300s")
    Duration metricsStep();
}
