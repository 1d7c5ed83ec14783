package com.capidemo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.port.Datasets;
import com.capidemo.core.port.Warehouse;
import com.capidemo.local.LocalDatasetFolders;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * lifecycle-service carries no query engine: it manages the warehouse's datasets through the {@link Datasets} port
 * (folders locally), and asking it for a {@link Warehouse} names the key and the missing adapter instead of
 * silently falling back.
 */
@QuarkusTest
class AdapterWiringTest {

    @Inject
    Datasets datasets;

    @Inject
    Instance<Warehouse> warehouse;

    @Test
    void datasetsAreFoldersWithoutDuckDb() {
        assertThat(ClientProxy.unwrap(datasets)).isInstanceOf(LocalDatasetFolders.class);
        assertThat(datasets.createDataset("wiring_check", Map.of("purpose", "test")))
                .isTrue();
        assertThat(datasets.listDatasets()).contains("wiring_check");
        datasets.dropDataset("wiring_check");
        assertThat(datasets.datasetExists("wiring_check")).isFalse();
        assertThat(lifecycleClasspathHas("org.duckdb.DuckDBDriver")).isFalse();
    }

    @Test
    void theWarehouseIsNotPartOfThisServiceAndSaysWhich() {
        assertThatThrownBy(() -> warehouse.get().listDatasets())
                .hasMessageContaining("platform.warehouse=duckdb")
                .hasMessageContaining("no 'duckdb' adapter");
    }

    private static boolean lifecycleClasspathHas(String className) {
        try {
            Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
