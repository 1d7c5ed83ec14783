package com.capidemo.core.template;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One table of a template. {@code sql} is a DuckDB SELECT run as {@code CREATE TABLE {name} AS {sql}}; tables are
 * created in declaration order, so a table may select from the tables declared before it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableSpec(
        @JsonProperty("name") String name,
        @JsonProperty("rows") long rows,
        @JsonProperty("description") String description,
        @JsonProperty("primary_key") String primaryKey,
        @JsonProperty("foreign_keys") List<ForeignKey> foreignKeys,
        @JsonProperty("sql") String sql) {

    public TableSpec {
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
    }
}
