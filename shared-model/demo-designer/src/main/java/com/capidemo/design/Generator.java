package com.capidemo.design;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Set;

/**
 * How a column's values are made. One flat object with a {@code kind} and the optional fields that kind uses, so an
 * LLM can fill it from a JSON schema and a human can write it in YAML:
 * <ul>
 *   <li>{@code sequence}: min (first value, default 1) + row number; STRING columns get {@code prefix} + 6 digits.</li>
 *   <li>{@code foreign_key}: a key of {@code references} ("table.column", an earlier table); {@code skew} &gt; 1
 *       makes low keys popular.</li>
 *   <li>{@code lookup}: the {@code references} column of the parent row that this row's {@code source} foreign key
 *       column points at (e.g. the product's list price).</li>
 *   <li>{@code choice} / {@code city} / {@code region} / {@code country}: one of {@code values}, weighted by
 *       {@code weights}; city, region and country default to the customer's markets, and a region or country in a
 *       row that has a city is the city's own.</li>
 *   <li>{@code int_range}, {@code decimal_range} (rounded to {@code scale}), {@code date_range},
 *       {@code timestamp_range}: between {@code min}/{@code max} or {@code start}/{@code end} (ISO dates);
 *       {@code skew} &gt; 1 favours low values, &lt; 1 high ones (e.g. growth towards recent dates); a date or
 *       timestamp range's {@code seasonality} (12 weights, January first) makes some months busier than others
 *       (a retailer's November and December, an airline's summer).</li>
 *   <li>{@code person_name}, {@code first_name}, {@code last_name}, {@code company_name}.</li>
 *   <li>{@code email}: made from the {@code source} name column, domains from {@code values} if given.</li>
 *   <li>{@code bool}: true with {@code probability}.</li>
 *   <li>{@code derived}: a DuckDB {@code expression} over earlier columns of the same row; {@code {u}} and
 *       {@code {u2}} are independent uniform numbers in [0, 1) and {@code {i}} the 0-based row number.</li>
 * </ul>
 * {@code null_probability} blanks a share of any column's values.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Generator(
        @JsonProperty("kind") String kind,
        @JsonProperty("references") String references,
        @JsonProperty("source") String source,
        @JsonProperty("values") List<String> values,
        @JsonProperty("weights") List<Double> weights,
        @JsonProperty("min") Double min,
        @JsonProperty("max") Double max,
        @JsonProperty("scale") Integer scale,
        @JsonProperty("start") String start,
        @JsonProperty("end") String end,
        @JsonProperty("skew") Double skew,
        @JsonProperty("probability") Double probability,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("expression") String expression,
        @JsonProperty("null_probability") Double nullProbability,
        @JsonProperty("seasonality") List<Double> seasonality) {

    public static final String SEQUENCE = "sequence";
    public static final String FOREIGN_KEY = "foreign_key";
    public static final String LOOKUP = "lookup";
    public static final String CHOICE = "choice";
    public static final String CITY = "city";
    public static final String REGION = "region";
    public static final String COUNTRY = "country";
    public static final String INT_RANGE = "int_range";
    public static final String DECIMAL_RANGE = "decimal_range";
    public static final String DATE_RANGE = "date_range";
    public static final String TIMESTAMP_RANGE = "timestamp_range";
    public static final String PERSON_NAME = "person_name";
    public static final String FIRST_NAME = "first_name";
    public static final String LAST_NAME = "last_name";
    public static final String COMPANY_NAME = "company_name";
    public static final String EMAIL = "email";
    public static final String BOOL = "bool";
    public static final String DERIVED = "derived";

    public static final Set<String> KINDS = Set.of(
            SEQUENCE,
            FOREIGN_KEY,
            LOOKUP,
            CHOICE,
            CITY,
            REGION,
            COUNTRY,
            INT_RANGE,
            DECIMAL_RANGE,
            DATE_RANGE,
            TIMESTAMP_RANGE,
            PERSON_NAME,
            FIRST_NAME,
            LAST_NAME,
            COMPANY_NAME,
            EMAIL,
            BOOL,
            DERIVED);

    public Generator {
        values = values == null ? null : List.copyOf(values);
        weights = weights == null ? null : List.copyOf(weights);
        seasonality = seasonality == null ? null : List.copyOf(seasonality);
    }

    /** A generator without seasonality. */
    public Generator(
            String kind,
            String references,
            String source,
            List<String> values,
            List<Double> weights,
            Double min,
            Double max,
            Integer scale,
            String start,
            String end,
            Double skew,
            Double probability,
            String prefix,
            String expression,
            Double nullProbability) {
        this(
                kind,
                references,
                source,
                values,
                weights,
                min,
                max,
                scale,
                start,
                end,
                skew,
                probability,
                prefix,
                expression,
                nullProbability,
                null);
    }

    public static Generator of(String kind) {
        return new Generator(kind, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static Generator sequence() {
        return of(SEQUENCE);
    }

    public static Generator foreignKey(String references) {
        return new Generator(
                FOREIGN_KEY, references, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static Generator choice(List<String> values, List<Double> weights) {
        return new Generator(
                CHOICE, null, null, values, weights, null, null, null, null, null, null, null, null, null, null);
    }

    public static Generator derived(String expression) {
        return new Generator(
                DERIVED, null, null, null, null, null, null, null, null, null, null, null, null, expression, null);
    }

    /** The same generator choosing from {@code newValues} (used to fill city/region from the customer's markets). */
    public Generator withValues(List<String> newValues, List<Double> newWeights) {
        return new Generator(
                kind,
                references,
                source,
                newValues,
                newWeights,
                min,
                max,
                scale,
                start,
                end,
                skew,
                probability,
                prefix,
                expression,
                nullProbability,
                seasonality);
    }

    /** The referenced table of a foreign_key or lookup, or null. */
    public String referencedTable() {
        int dot = references == null ? -1 : references.indexOf('.');
        return dot <= 0 ? null : references.substring(0, dot);
    }

    /** The referenced column of a foreign_key or lookup, or null. */
    public String referencedColumn() {
        int dot = references == null ? -1 : references.indexOf('.');
        return dot <= 0 ? null : references.substring(dot + 1);
    }
}
