package com.capidemo.core.port;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a query would do, found without reading a row: the columns it would return and, where the warehouse can tell
 * before running it (BigQuery's dry run), the bytes it would process.
 */
public record QueryValidation(List<String> columns, OptionalLong bytesProcessed) {

    public QueryValidation {
        columns = List.copyOf(columns);
    }
}
