package com.capidemo.core.port;

/**
 * Several read-only queries over one dataset in one warehouse session (locally one DuckDB opened once with the
 * dataset's views, instead of one per query); used by one caller at a time, closed when done.
 */
public interface QuerySession extends AutoCloseable {

    /** The same contract as {@link Warehouse#query}. */
    QueryResult query(String sql, int maxRows);

    @Override
    void close();
}
