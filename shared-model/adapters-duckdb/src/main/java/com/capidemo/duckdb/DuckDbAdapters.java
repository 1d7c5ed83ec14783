package com.capidemo.duckdb;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.port.TemplateDataWriter;
import com.capidemo.core.port.Warehouse;
import com.capidemo.duckdb.TemplateDataGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

/** What this module offers: the DuckDB warehouse (platform.warehouse=duckdb) and template data through DuckDB. */
@ApplicationScoped
public class DuckDbAdapters {

    @Produces
    @Adapter("duckdb")
    @Typed(Warehouse.class)
    Warehouse warehouse(DuckDbWarehouse warehouse) {
        return warehouse;
    }

    /** Template (and designed demo) tables are generated in an in-memory DuckDB in every mode, then stored as parquet. */
    @Produces
    @Singleton
    TemplateDataWriter templateData() {
        return new TemplateDataGenerator();
    }
}
