package com.capidemo.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VegaLiteTest {

    @Test
    void rowsBecomeOneObjectPerRowKeyedByColumn() {
        List<Map<String, Object>> v = VegaLite.values(
                List.of("city", "orders"), List.of(List.of("Austin", 3L), Arrays.asList("Boston", null)));
        assertThat(v).containsExactly(Map.of("city", "Austin", "orders", 3L), new HashMap<>(Map.of("city", "Boston")) {
            {
                put("orders", null);
            }
        });
        assertThat(List.copyOf(v.get(0).keySet())).containsExactly("city", "orders");
    }

    @Test
    void dataIsInlinedOnlyWhenTheSpecHasNone() {
        Map<String, Object> spec = new HashMap<>(Map.of("mark", "bar"));
        VegaLite.inlineData(spec, List.of("a"), List.of(List.of(1L)));
        assertThat(spec).containsEntry("data", Map.of("values", List.of(Map.of("a", 1L))));
        Map<String, Object> own = new HashMap<>(Map.of("data", Map.of("url", "x.json")));
        VegaLite.inlineData(own, List.of("a"), List.of(List.of(1L)));
        assertThat(own).containsEntry("data", Map.of("url", "x.json"));
        Map<String, Object> empty = new HashMap<>();
        VegaLite.inlineData(empty, List.of("a"), List.of());
        assertThat(empty).doesNotContainKey("data");
    }
}
