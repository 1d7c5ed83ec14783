package com.capidemo.custom.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.pipeline.StepDefinition;
import com.capidemo.core.port.ColumnSpec;
import com.capidemo.core.port.InvalidQueryException;
import com.capidemo.core.port.Warehouse;
import com.capidemo.custom.pipeline.StepContext;
import com.capidemo.duckdb.DuckDbWarehouse;
import com.capidemo.local.LocalObjectStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dry-run step validates a query per table and runs none. */
class DryRunStepTest {

    @TempDir
    Path dir;

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    private Warehouse warehouse;

    @BeforeEach
    void setUp() {
        DuckDbWarehouse duckDb =
                new DuckDbWarehouse(dir.resolve("warehouse"), new LocalObjectStore(dir.resolve("objects")), clock);
        duckDb.createDataset("acme", Map.of());
        duckDb.createTable("acme", "step_logs", List.of(new ColumnSpec("id", "STRING"), new ColumnSpec("n", "INT64")));
        duckDb.createTable("acme", "dq_results", List.of(new ColumnSpec("id", "STRING")));
        warehouse = (Warehouse) Proxy.newProxyInstance(
                Warehouse.class.getClassLoader(), new Class<?>[] {Warehouse.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(duckDb, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private StepContext context(Map<String, Object> config) {
        Job job = Job.queued(
                "job_1",
                null,
                "acme",
                new JobPayload.Pipeline(
                        "acme-gcp-example-dryrun", "gcp", "example", "dryrun", "test", LocalDate.of(2026, 1, 5), "a@b"),
                clock.instant());
        return new StepContext(
                job, new StepDefinition("dryrun", "dry_run", null, config), Map.of(), Map.of(), null, clock);
    }

    @Test
    void everyTableIsValidatedAndNoQueryIsRun() {
        Map<String, Object> out = new DryRunStep(warehouse)
                .run(context(Map.of("dataset", "acme", "tables", List.of("step_logs", "dq_results"))));

        assertThat(out).containsEntry("dryrun_status", "SUCCESS");
        assertThat(out.get("tables"))
                .isEqualTo(Map.of("step_logs", Map.of("columns", 2), "dq_results", Map.of("columns", 1)));
        assertThat(calls).contains("validate").doesNotContain("query", "countRows", "rowCounts", "session");
    }

    @Test
    void aMissingTableFailsTheStepWithTheWarehousesReason() {
        assertThatThrownBy(() -> new DryRunStep(warehouse)
                        .run(context(Map.of("dataset", "acme", "tables", List.of("step_logs", "cloud_credentials")))))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("cloud_credentials");
        assertThat(calls).doesNotContain("query", "countRows");
    }
}
