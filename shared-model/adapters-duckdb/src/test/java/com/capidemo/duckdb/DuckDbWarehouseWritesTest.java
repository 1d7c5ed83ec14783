package com.capidemo.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.port.ColumnSpec;
import com.capidemo.core.port.ObjectRef;
import com.capidemo.local.LocalObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse writes pipelines use: CSV loads, CREATE TABLE AS and idempotent appends. */
class DuckDbWarehouseWritesTest {

    @TempDir
    Path dir;

    private DuckDbWarehouse warehouse;
    private LocalObjectStore objects;

    @BeforeEach
    void setUp() {
        objects = new LocalObjectStore(dir.resolve("objects"));
        warehouse = new DuckDbWarehouse(dir.resolve("warehouse"), objects, Clock.systemUTC());
        warehouse.createDataset("ds", Map.of());
    }

    @Test
    void aCsvObjectIsLoadedWithInferredTypesAndReplacesTheTable() throws Exception {
        ObjectRef csv = new ObjectRef("samples", "x/costs.csv");
        objects.write(csv, "service,day,cost\nBigQuery,2025-10-01,1.5\nCompute,2025-10-01,2.25\n".getBytes());
        warehouse.loadCsv("ds", "costs", csv);
        warehouse.loadCsv("ds", "costs", csv);
        assertThat(warehouse.countRows("ds", "costs")).isEqualTo(2);
        assertThat(warehouse
                        .query("ds", "SELECT sum(cost) FROM costs", 1)
                        .rows()
                        .get(0)
                        .get(0))
                .isEqualTo(3.75);
    }

    @Test
    void createTableAsReplacesTheDestinationWithTheQueryResult() throws Exception {
        ObjectRef csv = new ObjectRef("samples", "c.csv");
        objects.write(csv, "service,cost\nA,1\nA,2\nB,5\n".getBytes());
        warehouse.loadCsv("ds", "raw", csv);
        assertThat(warehouse.createTableAs(
                        "ds", "agg", "SELECT service, sum(cost) AS total FROM raw GROUP BY service;"))
                .isEqualTo(2);
        assertThat(warehouse.createTableAs("ds", "agg", "SELECT 'all' AS service, sum(cost) AS total FROM raw"))
                .isEqualTo(1);
        List<List<Object>> rows =
                warehouse.query("ds", "SELECT service, total FROM agg", 5).rows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(0)).isEqualTo("all");
        assertThat(((Number) rows.get(0).get(1)).longValue()).isEqualTo(8L);
        assertThatThrownBy(() -> warehouse.createTableAs("ds", "bad", "SELECT nope FROM raw"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appendedBatchesAreStoredOncePerBatchIdWithTypedValues() {
        warehouse.createTable(
                "ds",
                "runs",
                List.of(
                        new ColumnSpec("id", "STRING"),
                        new ColumnSpec("at", "TIMESTAMP"),
                        new ColumnSpec("day", "DATE"),
                        new ColumnSpec("rows", "INT64"),
                        new ColumnSpec("params", "JSON")));
        List<Map<String, Object>> rows = List.of(
                Map.of(
                        "id",
                        "r1",
                        "at",
                        Instant.parse("2025-10-31T10:00:00Z"),
                        "day",
                        LocalDate.parse("2025-10-31"),
                        "rows",
                        5L,
                        "params",
                        Map.of("k", "v")),
                Map.of("id", "r2", "rows", 7L));
        warehouse.appendRows("ds", "runs", "run-1", rows);
        warehouse.appendRows("ds", "runs", "run-1", rows); // a retry of the same batch
        warehouse.appendRows("ds", "runs", "run-2", List.of(Map.of("id", "r3")));
        assertThat(warehouse.countRows("ds", "runs")).isEqualTo(3);
        assertThat(warehouse
                        .query("ds", "SELECT day, params FROM runs WHERE id = 'r1'", 1)
                        .rows()
                        .get(0))
                .containsExactly("2025-10-31", "{\"k\":\"v\"}");
        assertThatThrownBy(() -> warehouse.appendRows("ds", "runs", "run-3", List.of(Map.of("nope", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> warehouse.appendRows("ds", "missing", "b", List.of(Map.of("id", "x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(dir.resolve("warehouse/ds/runs/data.parquet"))).isTrue();
    }
}
