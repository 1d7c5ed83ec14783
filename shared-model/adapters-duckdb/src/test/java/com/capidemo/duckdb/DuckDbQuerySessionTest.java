package com.capidemo.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.QueryResult;
import com.capidemo.core.port.QuerySession;
import com.capidemo.local.LocalObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One DuckDB for many queries over a dataset: the same answers as single queries, and the same lock-down. */
class DuckDbQuerySessionTest {

    @TempDir
    Path dir;

    private DuckDbWarehouse warehouse;

    @BeforeEach
    void setUp() throws Exception {
        LocalObjectStore objects = new LocalObjectStore(dir.resolve("objects"));
        warehouse = new DuckDbWarehouse(dir.resolve("warehouse"), objects, Clock.systemUTC());
        warehouse.createDataset("ds", Map.of());
        ObjectRef orders = new ObjectRef("samples", "orders.csv");
        objects.write(orders, "id,customer_id,amount\n1,1,10\n2,1,5\n3,2,7\n".getBytes());
        warehouse.loadCsv("ds", "orders", orders);
        ObjectRef customers = new ObjectRef("samples", "customers.csv");
        objects.write(customers, "id,name\n1,Ada\n2,Bo\n".getBytes());
        warehouse.loadCsv("ds", "customers", customers);
        Files.writeString(dir.resolve("secret.csv"), "x\n1\n");
    }

    @Test
    void everyTableIsQueryableAndAnswersMatchSingleQueries() {
        String join = "SELECT c.name, sum(o.amount) AS total FROM orders o JOIN customers c ON c.id = o.customer_id "
                + "GROUP BY c.name ORDER BY c.name";
        try (QuerySession session = warehouse.session("ds")) {
            QueryResult viaSession = session.query(join, 10);
            assertThat(viaSession.rows())
                    .isEqualTo(warehouse.query("ds", join, 10).rows());
            assertThat(viaSession.columns()).containsExactly("name", "total");
            assertThat(session.query("SELECT count(*) FROM customers", 1)
                            .rows()
                            .get(0)
                            .get(0))
                    .isEqualTo(2L);
            QueryResult capped = session.query("SELECT id FROM orders ORDER BY id", 2);
            assertThat(capped.rows()).hasSize(2);
            assertThat(capped.truncated()).isTrue();
            assertThatThrownBy(() -> session.query("SELECT nope FROM orders", 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(session.query("SELECT 1", 1).rows())
                    .as("usable after a failed query")
                    .hasSize(1);
        }
    }

    @Test
    void aSessionIsLockedDownLikeASingleQuery() {
        try (QuerySession session = warehouse.session("ds")) {
            String secret = "SELECT * FROM read_csv('" + dir.resolve("secret.csv") + "')";
            assertThatThrownBy(() -> session.query(secret, 5)).isInstanceOf(IllegalArgumentException.class);
            try {
                session.query("SET enable_external_access = true", 1);
            } catch (IllegalArgumentException expected) {
                // the configuration is locked
            }
            assertThatThrownBy(() -> session.query(secret, 5))
                    .as("still locked")
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> warehouse.session("missing")).isInstanceOf(IllegalArgumentException.class);
    }
}
