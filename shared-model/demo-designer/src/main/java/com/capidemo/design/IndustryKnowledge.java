package com.capidemo.design;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One {@code configs/knowledge/{key}.yml} file: what the local designer knows about an industry. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndustryKnowledge(
        @JsonProperty("key") String key,
        @JsonProperty("label") String label,
        @JsonProperty("aliases") List<String> aliases,
        @JsonProperty("summary") String summary,
        @JsonProperty("business_lines") List<String> businessLines,
        @JsonProperty("data_start") String dataStart,
        @JsonProperty("data_end") String dataEnd,
        @JsonProperty("definitions") List<String> definitions,
        @JsonProperty("tables") List<Table> tables,
        @JsonProperty("use_cases") List<KnownUseCase> useCases,
        @JsonProperty("questions") List<QuestionPattern> questions) {

    public IndustryKnowledge {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        businessLines = businessLines == null ? List.of() : List.copyOf(businessLines);
        definitions = definitions == null ? List.of() : List.copyOf(definitions);
        tables = tables == null ? List.of() : List.copyOf(tables);
        useCases = useCases == null ? List.of() : List.copyOf(useCases);
        questions = questions == null ? List.of() : List.copyOf(questions);
        dataStart = dataStart == null ? "2024-01-01" : dataStart;
        dataEnd = dataEnd == null ? "2025-12-31" : dataEnd;
    }

    /**
     * A table the industry typically has. Core tables ({@code optional} false) are always designed; optional ones
     * when a selected use case lists them. {@code optional_columns} maps a use-case key to extra columns.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Table(
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("rows") long rows,
            @JsonProperty("primary_key") String primaryKey,
            @JsonProperty("optional") boolean optional,
            @JsonProperty("columns") List<ColumnDesign> columns,
            @JsonProperty("optional_columns") Map<String, List<ColumnDesign>> optionalColumns) {

        public Table {
            columns = columns == null ? List.of() : List.copyOf(columns);
            optionalColumns = optionalColumns == null ? Map.of() : optionalColumns;
        }
    }

    /** A typical use case; {@code keywords} match the brief's wording, {@code entities} are table names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KnownUseCase(
            @JsonProperty("key") String key,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("keywords") List<String> keywords,
            @JsonProperty("kpis") List<String> kpis,
            @JsonProperty("entities") List<String> entities,
            @JsonProperty("default") boolean byDefault) {

        public KnownUseCase {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            kpis = kpis == null ? List.of() : List.copyOf(kpis);
            entities = entities == null ? List.of() : List.copyOf(entities);
        }

        UseCase toUseCase() {
            return new UseCase(name, description, kpis, entities);
        }
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<KnownUseCase> useCaseNamed(String name) {
        return useCases.stream().filter(u -> u.name().equalsIgnoreCase(name)).findFirst();
    }
}
