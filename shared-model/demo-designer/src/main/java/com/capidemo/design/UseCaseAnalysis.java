package com.capidemo.design;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Output of the use-case stage, most important use case first. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UseCaseAnalysis(@JsonProperty("use_cases") List<UseCase> useCases) {

    public UseCaseAnalysis {
        useCases = useCases == null ? List.of() : List.copyOf(useCases);
    }
}
