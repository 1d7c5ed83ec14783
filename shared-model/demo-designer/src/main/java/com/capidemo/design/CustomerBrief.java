package com.capidemo.design;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What a Customer Engineer asks for when requesting a custom demo. Only the customer name is required. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerBrief(
        @JsonProperty("customer_name") String customerName,
        @JsonProperty("industry") String industry,
        @JsonProperty("website") String website,
        @JsonProperty("description") String description,
        @JsonProperty("use_cases") List<String> useCases) {

    public CustomerBrief {
        customerName = customerName == null || customerName.isBlank() ? "Demo Customer" : customerName.strip();
        useCases = useCases == null
                ? List.of()
                : useCases.stream()
                        .filter(u -> u != null && !u.isBlank())
                        .map(String::strip)
                        .toList();
    }
}
