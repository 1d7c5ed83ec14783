package com.capidemo.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.template.TemplateDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One demo at full size, end to end as the custom pipeline runs it, with its timings printed. */
class FullSizeDemoTest {

    @Test
    void fullSizeRetailDemoGeneratesWithIntactKeysAndAnswerableQuestions(@TempDir Path dir) throws Exception {
        CustomerBrief brief = new CustomerBrief(
                "Cymbal Outfitters",
                "Retail",
                "https://cymbal-outfitters.example.com",
                "Outdoor apparel and footwear retailer with 60 stores and a fast-growing online shop.",
                List.of("inventory stock-outs", "promotion effectiveness"));
        long started = System.nanoTime();
        DesignFixtures.Design design = DesignFixtures.design(brief);
        TemplateDefinition template = design.compile(1.0);
        long designed = System.nanoTime();
        Map<String, Long> counts = DesignFixtures.generateAndVerify(template, dir);
        long generated = System.nanoTime();
        long rows = counts.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(
                "full-size retail demo: %d tables, %d rows; design+compile %d ms, generate+verify %d ms%n",
                counts.size(), rows, (designed - started) / 1_000_000, (generated - designed) / 1_000_000);
        design.queries()
                .forEach(q -> System.out.println(
                        "  [" + q.complexity() + "/" + q.expectedResultType() + "] " + q.question()));

        assertThat(counts).hasSizeGreaterThanOrEqualTo(8);
        assertThat(rows).isBetween(100_000L, 300_000L);
        assertThat(counts).containsKeys("inventory_snapshots", "promotions");
        assertThat(template.goldenQueries()).anyMatch(q -> q.sql().contains("promotions"));
    }
}
