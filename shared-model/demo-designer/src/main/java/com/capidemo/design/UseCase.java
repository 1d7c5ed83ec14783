package com.capidemo.design;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One analytics use case the demo should support; {@code entities} are the table names it needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UseCase(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("kpis") List<String> kpis,
        @JsonProperty("entities") List<String> entities) {

    public UseCase {
        kpis = kpis == null ? List.of() : List.copyOf(kpis);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
