package com.capidemo.shared.adapter;

import com.capidemo.shared.adapter.local.DuckDbWarehouse;
import com.capidemo.shared.adapter.local.LocalObjectStore;
import com.capidemo.shared.port.ObjectStore;
import com.capidemo.shared.port.Warehouse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** platform.warehouse (duckdb | bigquery) and platform.objects (local | gcs); only the local adapters are wired yet. */
@ApplicationScoped
public class WarehouseProducers {

    @Produces
    @ApplicationScoped
    Warehouse warehouse(AdapterSelection selection, Instance<DuckDbWarehouse> duckdb) {
        return selection.localOnly(Port.WAREHOUSE, duckdb);
    }

    @Produces
    @ApplicationScoped
    ObjectStore objectStore(AdapterSelection selection, Instance<LocalObjectStore> folder) {
        return selection.localOnly(Port.OBJECTS, folder);
    }
}
