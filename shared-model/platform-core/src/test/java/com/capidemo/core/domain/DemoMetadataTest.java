package com.capidemo.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A ready demo's metadata is one record, stored under the snake_case keys readers of the demo document use. */
class DemoMetadataTest {

    private static Map<String, Long> tables() {
        Map<String, Long> tables = new LinkedHashMap<>();
        tables.put("orders", 1000L);
        tables.put("customers", 200L);
        return tables;
    }

    @Test
    void tableAndRowCountsComeFromTheTablesAndAbsentValuesAreLeftOut() {
        Map<String, Object> stored = DemoMetadata.of(tables())
                .withProvisionedAt(Instant.parse("2026-06-01T10:00:00Z"))
                .toMap();

        assertThat(stored)
                .containsExactly(
                        Map.entry("table_count", 2),
                        Map.entry("total_rows", 1200L),
                        Map.entry("tables", Map.of("orders", 1000L, "customers", 200L)),
                        Map.entry("provisioned_at", "2026-06-01T10:00:00Z"));
    }

    @Test
    void theIndustryLabelAndTheCloneSourceAreStoredWhenPresentAndReadBack() {
        DemoMetadata metadata = new DemoMetadata(
                2, 1200, tables(), "Freight & logistics", Instant.parse("2026-06-01T10:00:00Z"), "demo_src");

        Map<String, Object> stored = metadata.toMap();

        assertThat(stored)
                .containsEntry("industry_label", "Freight & logistics")
                .containsEntry("cloned_from", "demo_src");
        assertThat(DemoMetadata.from(stored)).isEqualTo(metadata);
        assertThat(DemoMetadata.from(Map.of()).tables()).isEmpty();
        assertThat(DemoMetadata.from(null).industryLabel()).isNull();
    }
}
