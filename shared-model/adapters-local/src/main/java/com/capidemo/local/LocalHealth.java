package com.capidemo.local;

import com.capidemo.core.adapter.AdapterSelection;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the shared SQLite store answers; says so and stays out of the way when nothing selected uses it. */
@Readiness
@ApplicationScoped
public class LocalHealth implements HealthCheck {

    private final SqliteDatabase db;
    private final boolean selected;

    public LocalHealth(SqliteDatabase db, AdapterSelection selection) {
        this.db = db;
        this.selected = selection.usesSqlite();
    }

    @Override
    public HealthCheckResponse call() {
        if (!selected) {
            return HealthCheckResponse.named("sqlite")
                    .up()
                    .withData("selected", false)
                    .build();
        }
        try {
            db.read(c -> {
                try (var st = c.createStatement();
                        var rs = st.executeQuery("SELECT count(*) FROM settings")) {
                    return rs.next();
                }
            });
            return HealthCheckResponse.named("store")
                    .up()
                    .withData("kind", "sqlite")
                    .build();
        } catch (RuntimeException e) {
            // the reason goes to the log: health answers are public and must not show paths or SQL
            Log.warnf("store health check failed: %s", e.getMessage());
            return HealthCheckResponse.named("store")
                    .down()
                    .withData("kind", "sqlite")
                    .build();
        }
    }
}
