package com.capidemo.core.template;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * One demo template as declared in {@code configs/templates/{template_id}.yml}: catalogue metadata, the
 * agent's system instruction, the tables (with the DuckDB SQL that generates each one) and the golden queries.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TemplateDefinition(
        @JsonProperty("template_id") String templateId,
        @JsonProperty("name") String name,
        @JsonProperty("industry") String industry,
        @JsonProperty("description") String description,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("estimated_seconds") int estimatedSeconds,
        @JsonProperty("data_version") int dataVersion,
        @JsonProperty("system_instruction") String systemInstruction,
        @JsonProperty("tables") List<TableSpec> tables,
        @JsonProperty("golden_queries") List<GoldenQuery> goldenQueries) {

    public TemplateDefinition {
        tags = tags == null ? List.of() : List.copyOf(tags);
        tables = tables == null ? List.of() : List.copyOf(tables);
        goldenQueries = goldenQueries == null ? List.of() : List.copyOf(goldenQueries);
    }

    /** Number of tables the template materialises. */
    @JsonIgnore
    public int tableCount() {
        return tables.size();
    }

    /** Sum of the declared row counts of all tables. */
    @JsonIgnore
    public long totalRows() {
        return tables.stream().mapToLong(TableSpec::rows).sum();
    }

    /** Table names in generation order. */
    @JsonIgnore
    public List<String> tableNames() {
        return tables.stream().map(TableSpec::name).toList();
    }

    @JsonIgnore
    public Optional<TableSpec> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    /** The golden queries in the shape the agent port expects. */
    @JsonIgnore
    public List<com.capidemo.core.domain.GoldenQuery> domainGoldenQueries() {
        return goldenQueries.stream().map(GoldenQuery::toDomain).toList();
    }
}
