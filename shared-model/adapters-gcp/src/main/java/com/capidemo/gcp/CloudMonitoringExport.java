package com.capidemo.gcp;

import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.telemetry.PlatformMeters;
import com.capidemo.core.telemetry.TelemetryConfig;
import com.capidemo.core.telemetry.TelemetrySelection;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.stackdriver.StackdriverConfig;
import io.micrometer.stackdriver.StackdriverMeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * platform.telemetry.metrics=cloud-monitoring: the platform's meters ({@link PlatformMeters}) are also pushed to Cloud
 * Monitoring as custom metrics ({@code custom.googleapis.com/provision/duration}, ...) every metrics-step, beside the
 * Prometheus endpoint. Each process writes its own time series (resource generic_task with a per-process task id),
 * because Cloud Monitoring refuses two writers of one series; JVM and other meters stay in /q/metrics only.
 */
@ApplicationScoped
public class CloudMonitoringExport {

    private final TelemetrySelection selection;
    private final AdapterSelection adapters;
    private final TelemetryConfig config;
    private final String service;
    private final String location;
    private StackdriverMeterRegistry registry;

    public CloudMonitoringExport(
            TelemetrySelection selection,
            AdapterSelection adapters,
            TelemetryConfig config,
            PlatformConfig adapterConfig,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.selection = selection;
        this.adapters = adapters;
        this.config = config;
        this.service = service;
        this.location = adapterConfig.gcp().region();
    }

    void start(@Observes StartupEvent event) {
        if (!TelemetrySelection.CLOUD_MONITORING.equals(selection.metrics())) {
            return;
        }
        registry = StackdriverMeterRegistry.builder(
                        config(adapters.projectId(), service, location, config.metricsStep()))
                .build();
        registry.config().meterFilter(PlatformMeters.exportOnly()).meterFilter(PlatformMeters.histograms());
        Metrics.globalRegistry.add(registry);
        Log.infof(
                "metrics: pushed to Cloud Monitoring every %ds as custom.googleapis.com/*",
                config.metricsStep().toSeconds());
    }

    void stop(@Observes ShutdownEvent event) {
        if (registry != null) {
            Metrics.globalRegistry.remove(registry);
            registry.close(); // publishes what the last step counted
        }
    }

    /** The registry's settings: project, step, and a monitored resource of its own per process. */
    static StackdriverConfig config(String project, String service, String location, Duration step) {
        String taskId = UUID.randomUUID().toString();
        Map<String, String> labels = Map.of(
                "project_id",
                project,
                "location",
                location,
                "namespace",
                "capi-demo",
                "job",
                service,
                "task_id",
                taskId);
        return new StackdriverConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String projectId() {
                return project;
            }

            @Override
            public Duration step() {
                return step;
            }

            @Override
            public String resourceType() {
                return "generic_task";
            }

            @Override
            public Map<String, String> resourceLabels() {
                return labels;
            }
        };
    }
}
