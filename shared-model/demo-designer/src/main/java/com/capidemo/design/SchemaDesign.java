package com.capidemo.design;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** Output of the schema stage: the demo dataset's tables in generation order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaDesign(
        @JsonProperty("dataset_description") String datasetDescription,
        @JsonProperty("tables") List<TableDesign> tables) {

    public SchemaDesign {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    @JsonIgnore
    public Optional<TableDesign> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    @JsonIgnore
    public long totalRows() {
        return tables.stream().mapToLong(TableDesign::rows).sum();
    }

    /**
     * The same design with every table's rows multiplied by {@code factor} (at least 1 row, and at least 10 rows
     * where the design had 10 or more), for quick previews and tests; keys and golden queries stay valid.
     */
    public SchemaDesign scaled(double factor) {
        return new SchemaDesign(
                datasetDescription,
                tables.stream()
                        .map(t -> t.withRows(Math.max(Math.min(t.rows(), 10), Math.round(t.rows() * factor))))
                        .toList());
    }
}
