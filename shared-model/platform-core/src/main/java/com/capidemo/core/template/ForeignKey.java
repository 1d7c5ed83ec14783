package com.capidemo.core.template;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code column} of the declaring table references {@code references} ("other_table.column"). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForeignKey(
        @JsonProperty("column") String column,
        @JsonProperty("references") String references) {

    /** The referenced table, or null when {@code references} is not of the form "table.column". */
    @JsonIgnore
    public String referencedTable() {
        int dot = references == null ? -1 : references.indexOf('.');
        return dot <= 0 ? null : references.substring(0, dot);
    }

    /** The referenced column, or null when {@code references} is not of the form "table.column". */
    @JsonIgnore
    public String referencedColumn() {
        int dot = references == null ? -1 : references.indexOf('.');
        return dot <= 0 || dot == references.length() - 1 ? null : references.substring(dot + 1);
    }
}
