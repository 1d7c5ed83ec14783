package com.capidemo.design;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** One table of a schema design. Tables are generated in order, so foreign keys point at earlier tables. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableDesign(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("rows") long rows,
        @JsonProperty("primary_key") String primaryKey,
        @JsonProperty("columns") List<ColumnDesign> columns) {

    public TableDesign {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    @JsonIgnore
    public Optional<ColumnDesign> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public TableDesign withRows(long newRows) {
        return new TableDesign(name, description, newRows, primaryKey, columns);
    }
}
