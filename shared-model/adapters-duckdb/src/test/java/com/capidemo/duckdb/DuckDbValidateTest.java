package com.capidemo.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.port.InvalidQueryException;
import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.QueryValidation;
import com.capidemo.local.LocalObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validating a query locally is DuckDB's EXPLAIN: the query is bound and planned, never run. */
class DuckDbValidateTest {

    @TempDir
    Path dir;

    private DuckDbWarehouse warehouse;

    @BeforeEach
    void setUp() throws Exception {
        LocalObjectStore objects = new LocalObjectStore(dir.resolve("objects"));
        warehouse = new DuckDbWarehouse(dir.resolve("warehouse"), objects, Clock.systemUTC());
        warehouse.createDataset("ds", Map.of());
        ObjectRef customers = new ObjectRef("samples", "customers.csv");
        objects.write(customers, "id,name\n1,Ada\n2,Bo\n".getBytes());
        warehouse.loadCsv("ds", "customers", customers);
    }

    @Test
    void aValidQueryAnswersItsColumnsWithoutBytes() {
        QueryValidation v = warehouse.validate("ds", "SELECT id, upper(name) AS shout FROM customers");

        assertThat(v.columns()).containsExactly("id", "shout");
        assertThat(v.bytesProcessed()).isEmpty();
    }

    @Test
    void aQueryThatWouldFailOnlyWhileReadingRowsPassesBecauseNoRowIsRead() {
        String failsOnEveryRow = "SELECT CAST(name AS INTEGER) AS n FROM customers";
        assertThatThrownBy(() -> warehouse.query("ds", failsOnEveryRow, 10))
                .as("running it reads the rows and fails")
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(warehouse.validate("ds", failsOnEveryRow).columns()).containsExactly("n");
    }

    @Test
    void anInvalidQueryIsATypedErrorNamingTheProblem() {
        assertThatThrownBy(() -> warehouse.validate("ds", "SELECT nope FROM customers"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.datasetId()).isEqualTo("ds");
                    assertThat(e.problem()).contains("nope");
                });
        assertThatThrownBy(() -> warehouse.validate("ds", "SELECT * FROM missing_table"))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> assertThat(e.problem()).contains("missing_table"));
        assertThatThrownBy(() -> warehouse.validate("ds", "SELEC 1")).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> warehouse.validate("nowhere", "SELECT 1"))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> assertThat(e.problem()).contains("nowhere"));
    }
}
