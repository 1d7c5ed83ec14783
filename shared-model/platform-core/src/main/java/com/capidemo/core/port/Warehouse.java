package com.capidemo.core.port;

import java.util.List;
import java.util.Map;

/** Datasets of tables and the queries over them (BigQuery, or DuckDB over parquet locally). */
public interface Warehouse extends Datasets {

    List<String> listTables(String datasetId);

    /** Loads (replacing) a table from a parquet object; locally a zero-copy link. */
    void loadParquet(String datasetId, String table, ObjectRef source);

    /**
     * Replaces {@code table} of the target dataset (which must exist) with a zero-copy clone of the same table of the
     * source dataset: no bytes are copied (hard links of the table's parquet files locally, a BigQuery table clone),
     * and the clone stays whole when the source is dropped later. Repeating it leaves one clone.
     */
    void cloneTable(String sourceDatasetId, String table, String targetDatasetId);

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

    /**
     * Checks a read-only query (bare table names, as {@link #query}) without running it: no row is read and nothing
     * is billed (a BigQuery dry run; DuckDB's {@code EXPLAIN} locally). Use it wherever the intent is validation.
     *
     * @return the columns the query would return and, where known before running, the bytes it would process
     * @throws InvalidQueryException naming the problem when the warehouse would reject the query
     */
    QueryValidation validate(String datasetId, String sql);

    /**
     * A session for many queries over one dataset (readiness scoring asks all golden questions in one). By default
     * each query is a {@link #query} of its own; a warehouse where opening is costly keeps one open.
     */
    default QuerySession session(String datasetId) {
        return new QuerySession() {
            @Override
            public QueryResult query(String sql, int maxRows) {
                return Warehouse.this.query(datasetId, sql, maxRows);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
