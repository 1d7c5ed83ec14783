package com.capidemo.core.domain;

import com.capidemo.core.json.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a ready demo records about its data (the {@code metadata} document of a demo): table and row counts, rows per
 * table, when it was provisioned, and, where they apply, the industry label the custom pipeline chose, what its design
 * rests on and the use cases no knowledge served, and the demo it was cloned from. Stored as a snake_case document ({@link #toMap()}); absent values are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DemoMetadata(
        int tableCount,
        long totalRows,
        Map<String, Long> tables,
        String industryLabel,
        Instant provisionedAt,
        String clonedFrom,
        String designBasis,
        List<String> unservedUseCases) {

    /** Metadata without a design basis (a template's or a clone's demo). */
    public DemoMetadata(
            int tableCount,
            long totalRows,
            Map<String, Long> tables,
            String industryLabel,
            Instant provisionedAt,
            String clonedFrom) {
        this(tableCount, totalRows, tables, industryLabel, provisionedAt, clonedFrom, null, null);
    }

    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {};

    /** The metadata of a demo holding {@code tables} (rows per table), not yet stamped with its provisioning time. */
    public static DemoMetadata of(Map<String, Long> tables) {
        Map<String, Long> copy = new LinkedHashMap<>(tables);
        long total = copy.values().stream().mapToLong(Long::longValue).sum();
        return new DemoMetadata(copy.size(), total, copy, null, null, null);
    }

    /** A stored metadata document read back (unknown keys are ignored; an empty or null document has no tables). */
    public static DemoMetadata from(Map<String, Object> document) {
        if (document == null || document.isEmpty()) {
            return new DemoMetadata(0, 0, Map.of(), null, null, null);
        }
        return Json.MAPPER.convertValue(document, DemoMetadata.class);
    }

    public DemoMetadata withIndustryLabel(String label) {
        return new DemoMetadata(
                tableCount, totalRows, tables, label, provisionedAt, clonedFrom, designBasis, unservedUseCases);
    }

    /**
     * With what a custom design rests on, in words (an industry's knowledge, or a composition from the brief), and the
     * requested use cases no knowledge serves.
     */
    public DemoMetadata withDesign(String basis, List<String> unserved) {
        return new DemoMetadata(
                tableCount,
                totalRows,
                tables,
                industryLabel,
                provisionedAt,
                clonedFrom,
                basis,
                unserved == null || unserved.isEmpty() ? null : List.copyOf(unserved));
    }

    public DemoMetadata withProvisionedAt(Instant at) {
        return new DemoMetadata(
                tableCount, totalRows, tables, industryLabel, at, clonedFrom, designBasis, unservedUseCases);
    }

    /** The stored document: snake_case keys, {@code provisioned_at} as an ISO-8601 string. */
    public Map<String, Object> toMap() {
        return Json.MAPPER.convertValue(this, DOCUMENT);
    }
}
