package com.capidemo.gcp;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.port.Datasets;
import com.capidemo.core.port.ObjectStore;
import com.capidemo.core.port.Warehouse;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.storage.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;

/** platform.warehouse=bigquery and platform.objects=gcs, each behind the fault-tolerance guard. */
@ApplicationScoped
public class GcpWarehouseProducers {

    @Produces
    @ApplicationScoped
    @Adapter("bigquery")
    @Typed(Warehouse.class)
    Warehouse warehouse(
            AdapterSelection selection,
            PlatformConfig config,
            Instance<BigQuery> bigquery,
            Instance<GcpCallGuard> guard) {
        BigQueryWarehouse.Config defaults =
                BigQueryWarehouse.Config.defaults(config.gcp().bigqueryLocation(), buckets(selection, config));
        BigQueryWarehouse adapter = new BigQueryWarehouse(
                bigquery.get(),
                new BigQueryWarehouse.Config(
                        defaults.location(),
                        defaults.buckets(),
                        defaults.templatesBucket(),
                        defaults.templateDatasetPrefix(),
                        defaults.cloneTemplates(),
                        config.gcp().maxBilledBytes(),
                        defaults.jobTimeout(),
                        defaults.translateDuckDbSql()));
        return Guarded.wrap(Warehouse.class, adapter, "bigquery", guard.get()::warehouse);
    }

    /** The BigQuery datasets alone (lifecycle work): the same guarded warehouse seen through the narrower port. */
    @Produces
    @ApplicationScoped
    @Adapter("bigquery")
    @Typed(Datasets.class)
    Datasets datasets(@Adapter("bigquery") Warehouse warehouse) {
        return warehouse;
    }

    @Produces
    @ApplicationScoped
    @Adapter("gcs")
    ObjectStore objectStore(
            AdapterSelection selection,
            PlatformConfig config,
            Instance<Storage> storage,
            Instance<GcpCallGuard> guard) {
        return Guarded.wrap(
                ObjectStore.class,
                new GcsObjectStore(storage.get(), buckets(selection, config)),
                "storage",
                guard.get()::objects);
    }

    /** Logical bucket x is the real bucket {prefix}x; the prefix defaults to {project}-capi-. */
    static GcsBuckets buckets(AdapterSelection selection, PlatformConfig config) {
        return GcsBuckets.prefixed(config.gcp().bucketPrefix().orElse(selection.projectId() + "-capi-"));
    }
}
