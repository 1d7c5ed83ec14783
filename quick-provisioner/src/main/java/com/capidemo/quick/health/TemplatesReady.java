package com.capidemo.quick.health;

import com.capidemo.core.service.TemplateLibrary;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Generates missing template data at start; the worker is ready only once every template is stored. */
@Readiness
@ApplicationScoped
public class TemplatesReady implements HealthCheck {

    private final TemplateLibrary templates;
    private volatile boolean ready;

    public TemplatesReady(TemplateLibrary templates) {
        this.templates = templates;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        templates.materializeAll();
        ready = true;
        Log.infof("%d templates ready in %d ms", templates.all().size(), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("templates")
                .status(ready || templates.allMaterialized())
                .withData("count", templates.all().size())
                .build();
    }
}
