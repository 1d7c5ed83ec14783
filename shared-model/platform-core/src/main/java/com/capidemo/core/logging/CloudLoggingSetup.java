package com.capidemo.core.logging;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.telemetry.TelemetrySelection;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;

/**
 * platform.telemetry.log-format=cloud-logging (the default in gcp mode): the console handler writes
 * {@link CloudLoggingFormatter} lines from the start event on (the few lines Quarkus writes before it stay in its own
 * JSON). Quarkus' JSON formatter has no way to write the trace as Cloud Logging wants it (projects/ID/traces/TRACE
 * under logging.googleapis.com/trace), so the console handler's formatter is replaced here.
 */
@ApplicationScoped
public class CloudLoggingSetup {

    private final TelemetrySelection selection;
    private final PlatformConfig adapters;
    private final String service;
    private final String version;

    public CloudLoggingSetup(
            TelemetrySelection selection,
            PlatformConfig adapters,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.selection = selection;
        this.adapters = adapters;
        this.service = service;
        this.version = version;
    }

    void install(@Observes @Priority(0) StartupEvent event) {
        if (!TelemetrySelection.CLOUD_LOGGING.equals(selection.logFormat())) {
            return;
        }
        String project = adapters.gcp()
                .projectId()
                .filter(p -> !p.isBlank())
                .orElseThrow(() -> new IllegalStateException("platform.telemetry.log-format=cloud-logging needs "
                        + "platform.gcp.project-id (PLATFORM_GCP_PROJECT_ID) for the trace field"));
        CloudLoggingFormatter formatter = new CloudLoggingFormatter(project, service, version);
        for (Handler console : consoleHandlers()) {
            console.setFormatter(formatter);
        }
    }

    /** The console handlers below the root logger, through Quarkus' delayed and async wrappers. */
    public static List<Handler> consoleHandlers() {
        List<Handler> found = new ArrayList<>();
        collect(Logger.getLogger("").getHandlers(), found);
        return found;
    }

    private static void collect(Handler[] handlers, List<Handler> found) {
        for (Handler handler : handlers) {
            if (handler instanceof java.util.logging.ConsoleHandler
                    || handler instanceof org.jboss.logmanager.handlers.ConsoleHandler) {
                found.add(handler);
            }
            if (handler instanceof ExtHandler ext) {
                collect(ext.getHandlers(), found);
            }
        }
    }
}
