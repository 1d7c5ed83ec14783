package com.capidemo.shared.adapter;

import com.capidemo.shared.adapter.gcp.BigQueryWarehouse;
import com.capidemo.shared.adapter.gcp.GcpCallGuard;
import com.capidemo.shared.adapter.gcp.GcsBuckets;
import com.capidemo.shared.adapter.gcp.GcsObjectStore;
import com.capidemo.shared.adapter.gcp.Guarded;
import com.capidemo.shared.adapter.local.DuckDbWarehouse;
import com.capidemo.shared.adapter.local.LocalObjectStore;
import com.capidemo.shared.config.AdapterConfig;
import com.capidemo.shared.port.ObjectStore;
import com.capidemo.shared.port.Warehouse;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.storage.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** platform.warehouse (duckdb | bigquery) and platform.objects (local | gcs). */
@ApplicationScoped
public class WarehouseProducers {

    @Produces
    @ApplicationScoped
    Warehouse warehouse(AdapterSelection selection, AdapterConfig config, Instance<DuckDbWarehouse> duckdb,
                        Instance<BigQuery> bigquery, Instance<GcpCallGuard> guard) {
        if (selection.isLocal(Port.WAREHOUSE)) {
            return duckdb.get();
        }
        BigQueryWarehouse adapter = new BigQueryWarehouse(bigquery.get(),
                BigQueryWarehouse.Config.defaults(config.gcp().bigqueryLocation(), buckets(selection, config)));
        return Guarded.wrap(Warehouse.class, adapter, guard.get()::warehouse);
    }

    @Produces
    @ApplicationScoped
    ObjectStore objectStore(AdapterSelection selection, AdapterConfig config, Instance<LocalObjectStore> folder,
                            Instance<Storage> storage, Instance<GcpCallGuard> guard) {
        if (selection.isLocal(Port.OBJECTS)) {
            return folder.get();
        }
        return Guarded.wrap(ObjectStore.class, new GcsObjectStore(storage.get(), buckets(selection, config)),
                guard.get()::objects);
    }

    /** Logical bucket x is the real bucket {prefix}x; the prefix defaults to {project}-capi-. */
    static GcsBuckets buckets(AdapterSelection selection, AdapterConfig config) {
        return GcsBuckets.prefixed(config.gcp().bucketPrefix().orElse(selection.projectId() + "-capi-"));
    }
}
