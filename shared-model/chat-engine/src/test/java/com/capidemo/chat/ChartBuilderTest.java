package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartBuilderTest {

    @Test
    void aTimeSeriesIsALineOverTemporalX() {
        Map<String, Object> chart = ChartBuilder.chart(
                List.of("month", "gross_revenue"),
                List.of(
                        List.of("2024-01-01", new BigDecimal("30900.84")),
                        List.of("2024-02-01", new BigDecimal("29006.05")),
                        List.of("2024-03-01", new BigDecimal("34821.81"))));
        assertThat(ChartBuilder.mark(chart)).isEqualTo("line");
        assertThat(chart).containsEntry("$schema", "https://vega.github.io/schema/vega-lite/v5.json");
        assertThat(field(chart, "x")).containsEntry("field", "month").containsEntry("type", "temporal");
        assertThat(field(chart, "y")).containsEntry("field", "gross_revenue").containsEntry("type", "quantitative");
        assertThat(values(chart))
                .hasSize(3)
                .first()
                .isEqualTo(Map.of("month", "2024-01-01", "gross_revenue", new BigDecimal("30900.84")));
    }

    @Test
    void yearsAsIntegersAreATimeSeriesToo() {
        Map<String, Object> chart = ChartBuilder.chart(
                List.of("year", "orders", "average_order_value"),
                List.of(List.of(2022L, 2070L, 154.05), List.of(2023L, 2900L, 157.46), List.of(2024L, 3270L, 158.67)));
        assertThat(ChartBuilder.mark(chart)).isEqualTo("line");
        assertThat(field(chart, "x")).containsEntry("field", "year").containsEntry("type", "ordinal");
        assertThat(field(chart, "y")).containsEntry("field", "orders");
    }

    @Test
    void theYAxisIsTheMeasureTheQuestionNamedNotTheFirstNumber() {
        List<List<Object>> rows = List.of(
                List.of("2024-01-01", 210L, new BigDecimal("30900.84")),
                List.of("2024-02-01", 190L, new BigDecimal("29006.05")));
        List<String> columns = List.of("month", "orders", "gross_revenue");
        assertThat(field(ChartBuilder.chart(columns, rows, "Gross revenue by month"), "y"))
                .containsEntry("field", "gross_revenue");
        assertThat(field(ChartBuilder.chart(columns, rows, "How many orders by month?"), "y"))
                .containsEntry("field", "orders");
        assertThat(field(ChartBuilder.chart(columns, rows, "Show me the trend"), "y"))
                .containsEntry("field", "orders");
    }

    @Test
    void aCategoryWithAMeasureIsABarSortedByTheMeasure() {
        Map<String, Object> chart = ChartBuilder.chart(
                List.of("device", "recovery_rate_pct"),
                List.of(List.of("tablet", 6.5), List.of("mobile", 6.3), List.of("desktop", 6.0)));
        assertThat(ChartBuilder.mark(chart)).isEqualTo("bar");
        assertThat(field(chart, "x"))
                .containsEntry("field", "device")
                .containsEntry("type", "nominal")
                .containsEntry("sort", "-y");
        assertThat(field(chart, "y")).containsEntry("field", "recovery_rate_pct");
    }

    @Test
    void sharesOfATotalAreAnArc() {
        Map<String, Object> chart = ChartBuilder.chart(
                List.of("sales_channel", "orders", "pct_of_orders"),
                List.of(
                        List.of("web", 2194L, 78.9),
                        List.of("shop_app", 430L, 15.5),
                        List.of("pos", 96L, 3.5),
                        List.of("draft_order", 60L, 2.1)));
        assertThat(ChartBuilder.mark(chart)).isEqualTo("arc");
        assertThat(field(chart, "theta")).containsEntry("field", "pct_of_orders");
        assertThat(field(chart, "color")).containsEntry("field", "sales_channel");
    }

    @Test
    void aPercentColumnThatIsNotAShareOfTheTotalStaysABar() {
        Map<String, Object> chart = ChartBuilder.chart(
                List.of("card_brand", "failure_rate_pct"), List.of(List.of("visa", 5.56), List.of("amex", 4.87)));
        assertThat(ChartBuilder.mark(chart)).isEqualTo("bar");
    }

    @Test
    void twoMeasuresAreAPointChart() {
        Map<String, Object> chart = ChartBuilder.chart(
                List.of("spend", "clicks"),
                List.of(List.of(524.04, 9000L), List.of(880.10, 12000L), List.of(120.5, 800L)));
        assertThat(ChartBuilder.mark(chart)).isEqualTo("point");
        assertThat(field(chart, "x")).containsEntry("field", "spend");
        assertThat(field(chart, "y")).containsEntry("field", "clicks");

        Map<String, Object> labelled = ChartBuilder.chart(
                List.of("product", "units_sold", "product_revenue"),
                List.of(List.of("Parka", 74L, 21681.26), List.of("Shoe", 60L, 14607.17)));
        assertThat(ChartBuilder.mark(labelled)).isEqualTo("point");
    }

    @Test
    void aSingleValueOrNoRowsHasNoChart() {
        assertThat(ChartBuilder.chart(List.of("orders_2024"), List.of(List.of(3270L))))
                .isNull();
        assertThat(ChartBuilder.chart(List.of("first", "second", "rate"), List.of(List.of(1668L, 235L, 14.1))))
                .isNull();
        assertThat(ChartBuilder.chart(List.of("month", "orders"), List.of())).isNull();
        assertThat(ChartBuilder.chart(List.of("name", "city"), List.of(List.of("a", "b"), List.of("c", "d"))))
                .isNull();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> chart, String channel) {
        return (Map<String, Object>) ((Map<String, Object>) chart.get("encoding")).get(channel);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> values(Map<String, Object> chart) {
        return (List<Map<String, Object>>) ((Map<String, Object>) chart.get("data")).get("values");
    }
}
