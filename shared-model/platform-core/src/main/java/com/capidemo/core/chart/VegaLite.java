package com.capidemo.core.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result rows as Vega-Lite inline data, shared by every agent that answers with a chart: the local agent's own charts
 * and the charts a remote agent returns without their data.
 */
public final class VegaLite {

    /** The Vega-Lite v5 schema every chart names. */
    public static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

    private VegaLite() {}

    /** One object per row, keyed by column name, in column order. */
    public static List<Map<String, Object>> values(List<String> columns, List<List<Object>> rows) {
        List<Map<String, Object>> values = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> v = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                v.put(columns.get(i), i < row.size() ? row.get(i) : null);
            }
            values.add(v);
        }
        return values;
    }

    /** The rows as a spec's {@code data} ({"values": [...]}). */
    public static Map<String, Object> data(List<String> columns, List<List<Object>> rows) {
        return Map.of("values", values(columns, rows));
    }

    /** Puts the rows into a (mutable) spec as its data when it has none and there are rows; returns the spec. */
    public static Map<String, Object> inlineData(
            Map<String, Object> spec, List<String> columns, List<List<Object>> rows) {
        if (spec != null && !spec.containsKey("data") && !rows.isEmpty()) {
            spec.put("data", data(columns, rows));
        }
        return spec;
    }
}
