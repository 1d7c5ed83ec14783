package com.capidemo.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.QuerySession;
import com.capidemo.local.LocalObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results kept while the files they read are the same files: datasets sharing a template's parquet (hard links)
 * answer a question once; new, replaced or rewritten files are read afresh; what does not follow from the tables
 * alone is never kept, and a session that ran anything but a read neither fills nor uses the cache.
 */
class QueryResultCacheTest {

    private static final String TOTAL =
            "SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id " + "ORDER BY customer_id";

    @TempDir
    Path dir;

    private LocalObjectStore objects;
    private DuckDbWarehouse warehouse;
    private final ObjectRef template = new ObjectRef("templates", "orders.parquet");

    @BeforeEach
    void setUp() throws Exception {
        objects = new LocalObjectStore(dir.resolve("objects"));
        warehouse = new DuckDbWarehouse(dir.resolve("warehouse"), objects, Clock.systemUTC());
        ObjectRef csv = new ObjectRef("samples", "orders.csv");
        objects.write(csv, "id,customer_id,amount\n1,1,10\n2,1,5\n3,2,7\n".getBytes());
        warehouse.createDataset("src", Map.of());
        warehouse.loadCsv("src", "orders", csv);
        objects.upload(template, parquetOf("src"));
        for (String ds : List.of("a", "b")) {
            warehouse.createDataset(ds, Map.of());
            warehouse.loadParquet(ds, "orders", template);
        }
    }

    private Path parquetOf(String dataset) throws Exception {
        try (var parts = Files.list(dir.resolve("warehouse").resolve(dataset).resolve("orders"))) {
            return parts.filter(p -> p.toString().endsWith(".parquet"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void datasetsSharingTheirFilesAnswerAQuestionOnce() {
        List<List<Object>> first = warehouse.query("a", TOTAL, 10).rows();
        long before = warehouse.cachedResults();
        assertThat(warehouse.query("b", TOTAL, 10).rows()).isEqualTo(first);
        try (QuerySession session = warehouse.session("b")) {
            assertThat(session.query(TOTAL, 10).rows()).isEqualTo(first);
        }
        assertThat(warehouse.cachedResults() - before).isEqualTo(2);
        assertThat(first).hasToString("[[1, 15], [2, 7]]");
        warehouse.query("a", TOTAL, 1);
        assertThat(warehouse.cachedResults() - before)
                .as("another row cap is another result")
                .isEqualTo(2);
    }

    @Test
    void appendedReplacedAndRewrittenFilesAreReadAfresh() throws Exception {
        warehouse.query("a", TOTAL, 10);
        warehouse.appendRows("a", "orders", "batch-1", List.of(Map.of("id", 4, "customer_id", 2, "amount", 1)));
        assertThat(warehouse.query("a", TOTAL, 10).rows()).hasToString("[[1, 15], [2, 8]]");
        assertThat(warehouse.query("b", TOTAL, 10).rows())
                .as("b's files are unchanged")
                .hasToString("[[1, 15], [2, 7]]");

        warehouse.createTableAs("b", "orders", "SELECT 9 AS id, 3 AS customer_id, 1.5 AS amount");
        assertThat(warehouse.query("b", TOTAL, 10).rows()).hasToString("[[3, 1.5]]");

        // A file rewritten in place (same inode, as no writer here does): its size and modification time tell.
        ObjectRef more = new ObjectRef("samples", "more.csv");
        objects.write(more, "id,customer_id,amount\n1,5,100\n2,5,100\n3,6,1\n4,6,2\n".getBytes());
        warehouse.createDataset("other", Map.of());
        warehouse.loadCsv("other", "orders", more);
        warehouse.createDataset("c", Map.of());
        warehouse.loadCsv("c", "orders", new ObjectRef("samples", "orders.csv"));
        assertThat(warehouse.query("c", TOTAL, 10).rows()).hasToString("[[1, 15], [2, 7]]");
        Path file = parquetOf("c");
        Object inode = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
        Files.write(file, Files.readAllBytes(parquetOf("other")));
        assertThat(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey())
                .isEqualTo(inode);
        assertThat(warehouse.query("c", TOTAL, 10).rows()).hasToString("[[5, 200], [6, 3]]");
    }

    @Test
    void whatDoesNotFollowFromTheTablesIsNeverKept() throws Exception {
        List<String> unkept = List.of(
                "SELECT count(*), random() FROM orders",
                "SELECT current_date, count(*) FROM orders",
                "SELECT count(*) FROM read_parquet('" + parquetOf("a") + "')",
                "SELECT count(*) FROM '" + parquetOf("a") + "'",
                "SELECT table_name FROM information_schema.tables",
                "SELECT * FROM duckdb_settings()",
                "SELECT current_setting('allowed_directories')",
                "SELECT 1; SELECT 2");
        for (String sql : unkept) {
            for (String ds : List.of("a", "b")) {
                try {
                    warehouse.query(ds, sql, 10);
                } catch (IllegalArgumentException refused) {
                    // the lock-down refuses some of them; either way nothing is kept
                }
            }
        }
        assertThat(warehouse.cachedResults()).isZero();
    }

    @Test
    void aSessionThatRanAnythingButAReadNeitherFillsNorUsesTheCache() {
        warehouse.query("a", TOTAL, 10);
        long before = warehouse.cachedResults();
        try (QuerySession session = warehouse.session("b")) {
            try {
                session.query(
                        "CREATE OR REPLACE TEMP VIEW orders AS SELECT 7 AS id, 9 AS customer_id, 1.0 AS amount", 1);
            } catch (IllegalArgumentException refused) {
                // not a query: whether or not it ran, the session no longer trusts the cache
            }
            session.query(TOTAL, 10);
        }
        assertThat(warehouse.cachedResults()).isEqualTo(before);
        assertThat(warehouse.query("b", TOTAL, 10).rows()).hasToString("[[1, 15], [2, 7]]");
    }

    @Test
    void noCacheRunsEveryQuery() {
        DuckDbWarehouse uncached = new DuckDbWarehouse(
                dir.resolve("warehouse"), objects, DuckDbWarehouse.QUERY_TIMEOUT_SECONDS, 0, Clock.systemUTC());
        uncached.query("a", TOTAL, 10);
        uncached.query("b", TOTAL, 10);
        assertThat(uncached.cachedResults()).isZero();
    }
}
