package com.capidemo.design;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A golden question in structured form; {@link GoldenQueryPlanner} writes its SQL (joins found along foreign keys),
 * so a pattern only applies when every table and column it names is in the designed schema.
 * <ul>
 *   <li>{@code kind}: count | total | average | count_by | total_by | average_by | share_by | rate_by | monthly |
 *       monthly_rate | growth | monthly_distinct | top_n</li>
 *   <li>{@code measure}: "table" (counting rows) or "table.column" (summed/averaged); its table is the query's base</li>
 *   <li>{@code by}: "table.column" to group by (for top_n the label shown for each ranked row)</li>
 *   <li>{@code date}: "table.column" for monthly kinds</li>
 *   <li>{@code filter}: a SQL predicate with table-qualified columns; {@code condition}: the predicate rate_by and
 *       monthly_rate measure the share of</li>
 * </ul>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionPattern(
        @JsonProperty("question") String question,
        @JsonProperty("kind") String kind,
        @JsonProperty("measure") String measure,
        @JsonProperty("by") String by,
        @JsonProperty("date") String date,
        @JsonProperty("filter") String filter,
        @JsonProperty("condition") String condition,
        @JsonProperty("n") Integer n,
        @JsonProperty("complexity") String complexity,
        @JsonProperty("use_cases") List<String> useCases) {

    public QuestionPattern {
        useCases = useCases == null ? List.of() : List.copyOf(useCases);
    }

    static QuestionPattern of(String question, String kind, String measure, String by, String date) {
        return new QuestionPattern(question, kind, measure, by, date, null, null, null, null, List.of());
    }
}
