package com.capidemo.design;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Output of the research stage: who the customer is, in the terms the later stages need. {@code industry} is the
 * canonical knowledge-base key (e.g. {@code banking}); {@code regions} and {@code cities} are the markets the
 * synthetic data is spread over; {@code dataStart}/{@code dataEnd} (ISO dates) bound the fact tables' activity.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerProfile(
        @JsonProperty("customer_name") String customerName,
        @JsonProperty("industry") String industry,
        @JsonProperty("industry_label") String industryLabel,
        @JsonProperty("summary") String summary,
        @JsonProperty("business_lines") List<String> businessLines,
        @JsonProperty("regions") List<String> regions,
        @JsonProperty("cities") List<String> cities,
        @JsonProperty("currency") String currency,
        @JsonProperty("website") String website,
        @JsonProperty("keywords") List<String> keywords,
        @JsonProperty("data_start") String dataStart,
        @JsonProperty("data_end") String dataEnd) {

    public CustomerProfile {
        businessLines = businessLines == null ? List.of() : List.copyOf(businessLines);
        regions = regions == null ? List.of() : List.copyOf(regions);
        cities = cities == null ? List.of() : List.copyOf(cities);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
