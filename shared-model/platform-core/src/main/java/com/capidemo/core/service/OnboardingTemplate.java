package com.capidemo.core.service;

import com.capidemo.core.port.ColumnSpec;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** configs/customer/onboarding-template.yml: the dataset and tables every new tenant gets. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OnboardingTemplate(
        @JsonProperty("dataset_id") String datasetId,
        @JsonProperty("labels") Map<String, String> labels,
        @JsonProperty("tables") LinkedHashMap<String, List<ColumnSpec>> tables) {

    public static OnboardingTemplate load(Path configsDir) {
        Path file = configsDir.resolve("customer").resolve("onboarding-template.yml");
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), OnboardingTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public String datasetFor(String tenantId) {
        return datasetId.replace("{tenant_id}", tenantId);
    }

    public Map<String, String> labelsFor(String tenantId) {
        Map<String, String> resolved = new LinkedHashMap<>();
        labels.forEach((k, v) -> resolved.put(k, v.replace("{tenant_id}", tenantId)));
        return resolved;
    }
}
