package com.capidemo.shared.adapter.local;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the shared SQLite store answers. */
@Readiness
@ApplicationScoped
public class LocalHealth implements HealthCheck {

    private final SqliteDatabase db;

    public LocalHealth(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM settings")) {
                    return rs.next();
                }
            });
            return HealthCheckResponse.named("store").up().withData("file", db.file().toString()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("store").down().withData("error", e.getMessage()).build();
        }
    }
}
