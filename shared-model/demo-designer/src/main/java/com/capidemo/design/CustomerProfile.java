package com.capidemo.design;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Output of the research stage: who the customer is, in the terms the later stages need. {@code industry} is the
 * canonical knowledge-base key (e.g. {@code banking}); {@code regions} and {@code cities} are the markets the
 * synthetic data is spread over; {@code dataStart}/{@code dataEnd} (ISO dates) bound the fact tables' activity.
 * {@code designBasis} says in words what the design rests on (an industry's knowledge, or a composition from the
 * brief when no knowledge fits), and {@code unservedUseCases} lists the requested use cases no knowledge serves.
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
        @JsonProperty("data_end") String dataEnd,
        @JsonProperty("design_basis") String designBasis,
        @JsonProperty("unserved_use_cases") List<String> unservedUseCases) {

    public CustomerProfile {
        businessLines = businessLines == null ? List.of() : List.copyOf(businessLines);
        regions = regions == null ? List.of() : List.copyOf(regions);
        cities = cities == null ? List.of() : List.copyOf(cities);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        unservedUseCases = unservedUseCases == null ? List.of() : List.copyOf(unservedUseCases);
    }

    /** A profile without a note on what the design is based on (a designer that needs no knowledge base). */
    public CustomerProfile(
            String customerName,
            String industry,
            String industryLabel,
            String summary,
            List<String> businessLines,
            List<String> regions,
            List<String> cities,
            String currency,
            String website,
            List<String> keywords,
            String dataStart,
            String dataEnd) {
        this(
                customerName,
                industry,
                industryLabel,
                summary,
                businessLines,
                regions,
                cities,
                currency,
                website,
                keywords,
                dataStart,
                dataEnd,
                null,
                List.of());
    }
}
