package com.capidemo.core.port;

/**
 * A query the warehouse would reject (syntax, unknown table or column, missing dataset, over the bytes cap), found by
 * {@link Warehouse#validate} without running it. The message names the dataset and the warehouse's own words.
 */
public class InvalidQueryException extends IllegalArgumentException {

    private final String datasetId;
    private final String problem;

    public InvalidQueryException(String datasetId, String problem, Throwable cause) {
        super("query is not valid on " + datasetId + ": " + problem, cause);
        this.datasetId = datasetId;
        this.problem = problem;
    }

    public String datasetId() {
        return datasetId;
    }

    /** What the warehouse said is wrong with the query. */
    public String problem() {
        return problem;
    }
}
