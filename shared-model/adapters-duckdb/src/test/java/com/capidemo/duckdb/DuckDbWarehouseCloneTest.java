package com.capidemo.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.port.ObjectRef;
import com.capidemo.local.LocalObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zero-copy table clones of the local warehouse: hard links that outlive their source. */
class DuckDbWarehouseCloneTest {

    @TempDir
    Path dir;

    private DuckDbWarehouse warehouse;
    private LocalObjectStore objects;

    @BeforeEach
    void setUp() throws Exception {
        objects = new LocalObjectStore(dir.resolve("objects"));
        warehouse = new DuckDbWarehouse(dir.resolve("warehouse"), objects, Clock.systemUTC());
        warehouse.createDataset("src", Map.of());
        ObjectRef csv = new ObjectRef("samples", "orders.csv");
        objects.write(csv, "id,amount\n1,10\n2,20\n3,30\n".getBytes());
        warehouse.loadCsv("src", "orders", csv);
        warehouse.appendRows("src", "orders", "b1", List.of(Map.of("id", 4, "amount", 40)));
        warehouse.createDataset("copy", Map.of());
    }

    private Path table(String dataset, String table) {
        return dir.resolve("warehouse").resolve(dataset).resolve(table);
    }

    private List<String> files(Path tableDir) throws Exception {
        try (Stream<Path> list = Files.list(tableDir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCloneHardLinksEveryPartOfTheSourceTable() throws Exception {
        warehouse.cloneTable("src", "orders", "copy");

        assertThat(files(table("copy", "orders")))
                .isEqualTo(files(table("src", "orders")))
                .hasSize(2);
        for (String part : files(table("src", "orders"))) {
            assertThat(Files.isSameFile(
                            table("copy", "orders").resolve(part),
                            table("src", "orders").resolve(part)))
                    .as(part + " shares the source's bytes")
                    .isTrue();
        }
        assertThat(warehouse.countRows("copy", "orders")).isEqualTo(4);
        assertThat(((Number) warehouse
                                .query("copy", "SELECT sum(amount) FROM orders", 1)
                                .rows()
                                .get(0)
                                .get(0))
                        .longValue())
                .isEqualTo(100L);
    }

    @Test
    void theCloneStaysWholeAndQueryableWhenTheSourceIsDropped() {
        warehouse.cloneTable("src", "orders", "copy");

        warehouse.dropDataset("src");

        assertThat(warehouse.datasetExists("src")).isFalse();
        assertThat(warehouse.listTables("copy")).containsExactly("orders");
        assertThat(warehouse
                        .query("copy", "SELECT count(*), max(id) FROM orders", 1)
                        .rows()
                        .get(0))
                .containsExactly(4L, 4L);
    }

    @Test
    void cloningAgainLeavesOneCloneAndRemovesPartsTheSourceDoesNotHave() throws Exception {
        warehouse.cloneTable("src", "orders", "copy");
        Files.write(
                table("copy", "orders").resolve("batch-stale.parquet"),
                Files.readAllBytes(table("src", "orders").resolve("data.parquet")));

        warehouse.cloneTable("src", "orders", "copy");
        warehouse.cloneTable("src", "orders", "copy");

        assertThat(files(table("copy", "orders"))).isEqualTo(files(table("src", "orders")));
        assertThat(warehouse.countRows("copy", "orders")).isEqualTo(4);
    }

    @Test
    void writesToTheCloneLeaveTheSourceAlone() {
        warehouse.cloneTable("src", "orders", "copy");

        warehouse.appendRows("copy", "orders", "b2", List.of(Map.of("id", 5, "amount", 50)));

        assertThat(warehouse.countRows("copy", "orders")).isEqualTo(5);
        assertThat(warehouse.countRows("src", "orders")).isEqualTo(4);
    }

    @Test
    void aMissingSourceTableOrTargetDatasetIsRefused() {
        assertThatThrownBy(() -> warehouse.cloneTable("src", "nope", "copy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table not found: src.nope");
        assertThatThrownBy(() -> warehouse.cloneTable("src", "orders", "missing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataset not found: missing");
        assertThatThrownBy(() -> warehouse.cloneTable("src", "../x", "copy"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
