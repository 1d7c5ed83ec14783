package com.capidemo.shared.port;

import java.util.List;
import java.util.Map;

/** Datasets of tables and the queries over them (BigQuery, or DuckDB over parquet locally). */
public interface Warehouse extends Datasets {

    List<String> listTables(String datasetId);

    /** Loads (replacing) a table from a parquet object; locally a zero-copy link. */
    void loadParquet(String datasetId, String table, ObjectRef source);

    /** Loads (replacing) a table from a CSV object with a header row; column types are inferred. */
    void loadCsv(String datasetId, String table, ObjectRef source);

    /** Replaces a table with the result of a query over the dataset (bare table names); returns its row count. */
    long createTableAs(String datasetId, String table, String sql);

    /**
     * Appends rows (column name to value) to an existing table. Idempotent per {@code batchId}: a retried batch is
     * stored once.
     */
    void appendRows(String datasetId, String table, String batchId, List<Map<String, Object>> rows);

    /** Creates an empty table with the given columns if it does not exist; true when created. */
    boolean createTable(String datasetId, String table, List<ColumnSpec> columns);

    long countRows(String datasetId, String table);

    /** Row counts of every table of the dataset, in one round trip. */
    Map<String, Long> rowCounts(String datasetId);

    /** Runs a read-only query with bare table names resolved inside the dataset. */
    QueryResult query(String datasetId, String sql, int maxRows);
}
