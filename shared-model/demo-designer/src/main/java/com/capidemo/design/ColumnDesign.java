package com.capidemo.design;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One column: {@code type} is STRING, INT64, FLOAT64, BOOL, DATE or TIMESTAMP; {@code generator} makes its values. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ColumnDesign(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("description") String description,
        @JsonProperty("generator") Generator generator) {}
