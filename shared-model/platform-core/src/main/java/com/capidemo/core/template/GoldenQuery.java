package com.capidemo.core.template;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A business question with the DuckDB SQL that answers it. Tables are referenced by bare name.
 * complexity: simple | moderate | complex; expected_result_type: single_value | table | time_series | ranking |
 * distribution.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoldenQuery(
        @JsonProperty("question") String question,
        @JsonProperty("sql") String sql,
        @JsonProperty("complexity") String complexity,
        @JsonProperty("expected_result_type") String expectedResultType) {

    public com.capidemo.core.domain.GoldenQuery toDomain() {
        return new com.capidemo.core.domain.GoldenQuery(
                question, sql == null ? null : sql.strip(), complexity, expectedResultType);
    }
}
