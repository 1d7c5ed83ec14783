package com.capidemo.lifecycle.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.port.Datasets;
import com.capidemo.core.port.DemoStore;
import com.capidemo.local.SqliteDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the @QuarkusTests seed through: the service's own store and datasets. Every lifecycle scan is global, so each
 * test starts from an empty store ({@link #reset}).
 */
@ApplicationScoped
public class Platform {

    public static final String SECRET = "test-secret";
    public static final String ADMIN = "test-admin-token";

    private final DemoStore demos;
    private final Datasets datasets;
    private final SqliteDatabase db;

    public Platform(DemoStore demos, Datasets datasets, SqliteDatabase db) {
        this.demos = demos;
        this.datasets = datasets;
        this.db = db;
    }

    public void reset() {
        TestClock.CLOCK.set(TestClock.START);
        db.write(c -> {
            for (String table : List.of("demos", "notifications", "lifecycle_runs", "events", "data_agents")) {
                c.createStatement().execute("DELETE FROM " + table);
            }
            return null;
        });
        datasets.listDatasets().forEach(datasets::dropDataset);
    }

    /** A demo of tenant {@code tenant} with its dataset folder, last used {@code unused} ago (archived, if given). */
    public Demo demo(String tenant, DemoStatus status, Duration unused, Duration archived, boolean pinned) {
        String id = Ids.demoId();
        Instant now = TestClock.CLOCK.instant();
        Demo demo = new Demo(
                id,
                tenant,
                "ce@example.com",
                "Acme " + id,
                "Retail",
                "shopify",
                id,
                "agent_" + id,
                status,
                now.minus(unused).minus(Duration.ofDays(1)),
                now.minus(unused),
                archived == null ? null : now.minus(archived),
                pinned,
                List.of(),
                Map.of());
        assertThat(demos.create(demo)).isTrue();
        datasets.createDataset(id, Map.of("demo", id));
        return demo;
    }

    public Demo find(String demoId) {
        return demos.find(demoId).orElseThrow();
    }

    public boolean datasetExists(String id) {
        return datasets.datasetExists(id);
    }
}
