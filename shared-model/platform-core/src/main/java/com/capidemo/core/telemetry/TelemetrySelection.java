package com.capidemo.core.telemetry;

import com.capidemo.core.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that decides the telemetry back ends: each {@link TelemetryConfig} key when set, otherwise the default of
 * {@code platform.mode} (gcp: cloud-trace, cloud-monitoring, cloud-logging; local: none, prometheus, json). An unknown
 * value fails the start with the key to change.
 */
@ApplicationScoped
public class TelemetrySelection {

    public static final String CLOUD_TRACE = "cloud-trace";
    public static final String CLOUD_MONITORING = "cloud-monitoring";
    public static final String CLOUD_LOGGING = "cloud-logging";

    private final String traces;
    private final String metrics;
    private final String logFormat;

    @Inject
    public TelemetrySelection(PlatformConfig adapters, TelemetryConfig config) {
        this(adapters.mode(), config.traces(), config.metrics(), config.logFormat());
    }

    public TelemetrySelection(
            String mode, Optional<String> traces, Optional<String> metrics, Optional<String> logFormat) {
        boolean gcp = "gcp".equals(mode);
        this.traces = choose(
                "platform.telemetry.traces",
                traces,
                gcp ? CLOUD_TRACE : "none",
                List.of("none", "logging", CLOUD_TRACE));
        this.metrics = choose(
                "platform.telemetry.metrics",
                metrics,
                gcp ? CLOUD_MONITORING : "prometheus",
                List.of("prometheus", CLOUD_MONITORING));
        this.logFormat = choose(
                "platform.telemetry.log-format",
                logFormat,
                gcp ? CLOUD_LOGGING : "json",
                List.of("json", CLOUD_LOGGING));
    }

    private static String choose(String key, Optional<String> configured, String fallback, List<String> allowed) {
        String value = configured
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty())
                .orElse(fallback);
        if (!allowed.contains(value)) {
            throw new IllegalStateException(key + " must be one of " + allowed + ", not '" + value + "'");
        }
        return value;
    }

    /** none, logging or cloud-trace. */
    public String traces() {
        return traces;
    }

    /** prometheus or cloud-monitoring. */
    public String metrics() {
        return metrics;
    }

    /** json or cloud-logging. */
    public String logFormat() {
        return logFormat;
    }
}
